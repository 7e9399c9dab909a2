/// What the renderer knows about a structure element that cairo 1.16 cannot write into the PDF.
struct StructureNote: Equatable {
    /// The structure type (P, H2, Figure, Link…).
    var name: String
    /// Joins the preceding sibling of the same type (an element cut by a page break or a line wrap).
    var continues = false
    /// /Alt: a Figure's text alternative, or the description of a link without text of its own.
    var alt: String?
    /// /Scope of a table header cell: Row or Column.
    var scope: String?
    /// /Contents of the element's link annotations.
    var contents: String?
}
