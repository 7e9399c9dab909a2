import Foundation
import TrialModel

/// A mailbox from the settings (`Name <local@domain>` or a bare `local@domain`), checked so that
/// nothing but a plain address can reach the angle brackets of a header.
struct MailAddress: Sendable, Equatable {
    var displayName: String?
    var address: String

    struct Invalid: Error, Equatable { var message: String }

    init(_ text: String) throws {
        let clean = HeaderText.sanitize(text)
        // Exactly one mailbox: a display name holding another address would forge a second sender.
        guard let (name, addr) = MailSyntax.mailbox(clean) else {
            throw Invalid(message: "'\(clean)' is not one mail address like 'Name <user@example.org>'")
        }
        displayName = name
        address = addr
    }

    var domain: String { String(address[address.index(after: address.lastIndex(of: "@")!)...]) }

    var headerPieces: [HeaderPiece] {
        (displayName.map { [HeaderPiece.phrase($0)] } ?? []) + [.token("<\(address)>")]
    }

    static func isAddrSpec(_ s: String) -> Bool { MailSyntax.isAddrSpec(s) }
}
