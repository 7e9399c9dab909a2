/// The mail syntax the newsletter settings must follow, checked when the settings are read (so `validate`
/// reports it with a location) and again by the digest exporter before anything reaches a header.
public enum MailSyntax {
    /// A dot-atom `local@domain` (RFC 5322 §3.4.1) in ASCII: no spaces, brackets, quotes or controls.
    public static func isAddrSpec(_ s: String) -> Bool {
        let parts = s.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, s.utf8.count <= 254 else { return false }
        return parts.allSatisfy { p in
            !p.hasPrefix(".") && !p.hasSuffix(".") && !p.contains("..") && p.unicodeScalars.allSatisfy { $0 == "." || isAtext($0) }
        }
    }

    /// RFC 5322 atext: letters, digits and ``!#$%&'*+-/=?^_`{|}~``.
    public static func isAtext(_ u: Unicode.Scalar) -> Bool {
        (u.value >= 0x30 && u.value <= 0x39) || (u.value >= 0x41 && u.value <= 0x5A) || (u.value >= 0x61 && u.value <= 0x7A)
            || "!#$%&'*+-/=?^_`{|}~".unicodeScalars.contains(u)
    }

    /// One mailbox, `Name <local@domain>` or `local@domain`: the address and the display name, or nil when the
    /// text is not exactly one mailbox (two addresses, a name holding `<`, `>`, `@`, `,` or `;`).
    public static func mailbox(_ s: String) -> (name: String?, address: String)? {
        guard let open = s.lastIndex(of: "<") else { return isAddrSpec(s) ? (nil, s) : nil }
        guard s.hasSuffix(">") else { return nil }
        let address = String(s[s.index(after: open)..<s.index(before: s.endIndex)])
        var name = Substring(s[..<open])
        while name.last == " " { name = name.dropLast() }
        while name.first == " " { name = name.dropFirst() }
        // A quoted name may hold commas; an unquoted one holding `,` `;` or `@` would read as a second mailbox.
        let quoted = name.count >= 2 && name.hasPrefix("\"") && name.hasSuffix("\"")
        if quoted { name = name.dropFirst().dropLast() }
        let forbidden: String = quoted ? "<>\"\\" : "<>@,;:\"\\"
        guard isAddrSpec(address), !name.contains(where: { forbidden.contains($0) }) else { return nil }
        return (name.isEmpty ? nil : String(name), address)
    }

    /// A list id (RFC 2919): a dot-atom domain such as `summaries.example.org`.
    public static func isListID(_ s: String) -> Bool { s.contains(".") && isAddrSpec("list@" + s) }

    /// Printable ASCII that can sit in `<…>` in List-Unsubscribe (RFC 2369).
    public static func isHeaderURI(_ s: String) -> Bool {
        s.utf8.count < 900 && s.unicodeScalars.allSatisfy { $0.value > 0x20 && $0.value < 0x7F && !"<>,\"".unicodeScalars.contains($0) }
    }
}
