import Foundation

/// A mailbox from the settings (`Name <local@domain>` or a bare `local@domain`), checked so that
/// nothing but a plain address can reach the angle brackets of a header.
struct MailAddress: Sendable, Equatable {
    var displayName: String?
    var address: String

    struct Invalid: Error, Equatable { var message: String }

    init(_ text: String) throws {
        let clean = HeaderText.sanitize(text)
        var name: String?
        var addr = clean
        if let open = clean.lastIndex(of: "<"), clean.hasSuffix(">") {
            addr = String(clean[clean.index(after: open)..<clean.index(before: clean.endIndex)])
            var n = clean[..<open].trimmingCharacters(in: .whitespaces)
            if n.count >= 2, n.hasPrefix("\""), n.hasSuffix("\"") { n = String(n.dropFirst().dropLast()) }
            name = n.isEmpty ? nil : n
        }
        guard MailAddress.isAddrSpec(addr) else {
            throw Invalid(message: "'\(clean)' is not a mail address like 'Name <user@example.org>'")
        }
        displayName = name
        address = addr
    }

    var domain: String { String(address[address.index(after: address.lastIndex(of: "@")!)...]) }

    var headerPieces: [HeaderPiece] {
        (displayName.map { [HeaderPiece.phrase($0)] } ?? []) + [.token("<\(address)>")]
    }

    /// A dot-atom `local@domain` (RFC 5322 §3.4.1) in ASCII: no spaces, brackets, quotes or controls.
    static func isAddrSpec(_ s: String) -> Bool {
        let parts = s.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, s.utf8.count <= 254 else { return false }
        return parts.allSatisfy { p in
            !p.hasPrefix(".") && !p.hasSuffix(".") && !p.contains("..") && HeaderFolding.isAtom(p.replacingOccurrences(of: ".", with: "")[...])
        }
    }
}
