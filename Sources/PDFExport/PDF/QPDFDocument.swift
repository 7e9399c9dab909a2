import CQPDF
import Foundation

/// A PDF opened from memory with qpdf's C API, edited object by object and written back to memory.
/// One per document and thread: a `qpdf_data` is not thread-safe, and its object handles live until
/// `qpdf_cleanup`.
final class QPDFDocument {
    private var q: qpdf_data?
    /// qpdf reads the input lazily and never copies it: the bytes must outlive the `qpdf_data`.
    private let input: UnsafeMutableRawBufferPointer

    init(_ data: Data) throws {
        input = .allocate(byteCount: max(1, data.count), alignment: 1)
        _ = data.copyBytes(to: input.bindMemory(to: UInt8.self))
        q = qpdf_init()
        qpdf_set_suppress_warnings(q, 1)
        let code = qpdf_read_memory(q, "handout.pdf", input.baseAddress!.assumingMemoryBound(to: CChar.self),
                                    UInt64(data.count), nil)
        try check(code)
    }

    deinit {
        qpdf_cleanup(&q)
        input.deallocate()
    }

    var root: PDFObject { PDFObject(doc: self, h: qpdf_get_root(q)) }
    var trailer: PDFObject { PDFObject(doc: self, h: qpdf_get_trailer(q)) }
    var pages: [PDFObject] { (0..<Int(qpdf_get_num_pages(q))).map { PDFObject(doc: self, h: qpdf_get_page_n(q, $0)) } }

    /// A name object; `n` without its slash.
    func name(_ n: String) -> PDFObject { PDFObject(doc: self, h: qpdf_oh_new_name(q, "/" + n)) }
    var null: PDFObject { PDFObject(doc: self, h: qpdf_oh_new_null(q)) }
    func integer(_ i: Int) -> PDFObject { PDFObject(doc: self, h: qpdf_oh_new_integer(q, Int64(i))) }
    func bool(_ b: Bool) -> PDFObject { PDFObject(doc: self, h: qpdf_oh_new_bool(q, b ? 1 : 0)) }
    /// A text string: PDFDocEncoding when it fits, else UTF-16BE, as qpdf chooses.
    func text(_ s: String) -> PDFObject { PDFObject(doc: self, h: qpdf_oh_new_unicode_string(q, s)) }
    func array(_ items: [PDFObject] = []) -> PDFObject {
        let a = PDFObject(doc: self, h: qpdf_oh_new_array(q))
        for i in items { a.append(i) }
        return a
    }
    func dictionary(_ entries: KeyValuePairs<String, PDFObject> = [:]) -> PDFObject {
        let d = PDFObject(doc: self, h: qpdf_oh_new_dictionary(q))
        for (k, v) in entries { d[k] = v }
        return d
    }
    func indirect(_ o: PDFObject) -> PDFObject { PDFObject(doc: self, h: qpdf_make_indirect_object(q, o.h)) }

    /// A new indirect stream holding `bytes` (compressed when written) with the given dictionary entries.
    func stream(_ bytes: [UInt8], _ entries: KeyValuePairs<String, PDFObject>) -> PDFObject {
        let s = PDFObject(doc: self, h: qpdf_oh_new_stream(q))
        replaceData(of: s, with: bytes)
        let dict = PDFObject(doc: self, h: qpdf_oh_get_dict(q, s.h))
        for (k, v) in entries { dict[k] = v }
        return s
    }

    /// The page's content, all its streams concatenated and decoded.
    func contentBytes(of page: PDFObject) throws -> [UInt8] {
        var buffer: UnsafeMutablePointer<UInt8>?
        var length: Int = 0
        try check(qpdf_oh_get_page_content_data(q, page.h, &buffer, &length))
        defer { free(buffer) }
        guard let buffer else { return [] }
        return Array(UnsafeBufferPointer(start: buffer, count: length))
    }

    /// Replaces a stream's data with unfiltered bytes; qpdf compresses them when writing.
    func replaceData(of stream: PDFObject, with bytes: [UInt8]) {
        let null = qpdf_oh_new_null(q)
        bytes.withUnsafeBufferPointer {
            qpdf_oh_replace_stream_data(q, stream.h, $0.baseAddress, $0.count, null, null)
        }
    }

    /// Writes the document: `version` in the header, an /ID computed from the content (same input, same
    /// bytes), unreferenced objects dropped.
    func write(version: String) throws -> Data {
        try check(qpdf_init_write_memory(q))
        qpdf_set_deterministic_ID(q, 1)
        qpdf_force_pdf_version(q, version)
        try check(qpdf_write(q))
        guard let bytes = qpdf_get_buffer(q) else { throw PDFError("qpdf wrote no bytes") }
        return Data(bytes: bytes, count: qpdf_get_buffer_length(q))
    }

    private func check(_ code: QPDF_ERROR_CODE) throws {
        guard code & QPDF_ERRORS != 0 || qpdf_has_error(q) != 0 else { return }
        let message = qpdf_has_error(q) != 0 ? String(cString: qpdf_get_error_full_text(q, qpdf_get_error(q))) : "error \(code)"
        throw PDFError("qpdf: " + message)
    }

    fileprivate var data: qpdf_data? { q }
}

/// A handle to one object of a `QPDFDocument`; valid while the document is alive.
struct PDFObject {
    let doc: QPDFDocument
    let h: qpdf_oh
    private var q: qpdf_data? { doc.data }

    var isNull: Bool { qpdf_oh_is_null(q, h) != 0 }
    var isDictionary: Bool { qpdf_oh_is_dictionary(q, h) != 0 }
    var isInteger: Bool { qpdf_oh_is_integer(q, h) != 0 }
    var isArray: Bool { qpdf_oh_is_array(q, h) != 0 }
    /// The name without its slash.
    var name: String? { qpdf_oh_is_name(q, h) != 0 ? String(String(cString: qpdf_oh_get_name(q, h)).dropFirst()) : nil }
    var int: Int? { qpdf_oh_is_integer(q, h) != 0 ? Int(qpdf_oh_get_int_value(q, h)) : nil }
    var utf8: String? { qpdf_oh_is_string(q, h) != 0 ? String(cString: qpdf_oh_get_utf8_value(q, h)) : nil }
    /// The object's number, 0 for a direct object.
    var objectID: Int { Int(qpdf_oh_get_object_id(q, h)) }

    /// A dictionary entry; `key` without its slash.
    subscript(key: String) -> PDFObject? {
        get {
            let k = "/" + key
            guard qpdf_oh_has_key(q, h, k) != 0 else { return nil }
            return PDFObject(doc: doc, h: qpdf_oh_get_key(q, h, k))
        }
        nonmutating set {
            if let newValue { qpdf_oh_replace_key(q, h, "/" + key, newValue.h) } else { qpdf_oh_remove_key(q, h, "/" + key) }
        }
    }

    /// Array items; a single non-array value reads as a one-item array (PDF's /K may be either).
    var items: [PDFObject] {
        guard isArray else { return isNull ? [] : [self] }
        return (0..<Int(qpdf_oh_get_array_n_items(q, h))).map { PDFObject(doc: doc, h: qpdf_oh_get_array_item(q, h, Int32($0))) }
    }

    func append(_ item: PDFObject) { qpdf_oh_append_item(q, h, item.h) }
    func set(_ index: Int, _ item: PDFObject) { qpdf_oh_set_array_item(q, h, Int32(index), item.h) }

    /// The stream's dictionary.
    var streamDictionary: PDFObject { PDFObject(doc: doc, h: qpdf_oh_get_dict(q, h)) }

    func isSameObject(_ other: PDFObject) -> Bool { objectID != 0 && objectID == other.objectID }
}
