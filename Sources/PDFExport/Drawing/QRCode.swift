import CCairo
import CQREncode
import Foundation

/// A QR code's modules from libqrencode: `true` = dark. Medium error correction survives a crease or
/// a smudge on a printed handout.
struct QRMatrix {
    let size: Int
    let dark: [Bool]

    init?(_ text: String) {
        guard let code = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1) else { return nil }
        defer { QRcode_free(code) }
        size = Int(code.pointee.width)
        // Bit 0 of each byte is the module colour; the other bits describe its role.
        dark = (0..<(size * size)).map { code.pointee.data[$0] & 1 == 1 }
    }

    subscript(x: Int, y: Int) -> Bool { dark[y * size + x] }

    /// The matrix for `text`, encoded once for the handouts that print it: a summary's layouts show the same
    /// address, and libqrencode's mask search is most of a code's cost (~0.65 M instructions). The same text
    /// always gives the same matrix.
    static func memoised(_ text: String) -> QRMatrix? { QRMemo.shared.matrix(text) }

    /// Draws the code with its 4-module quiet zone inside a `side`×`side` square at (x, y): the modules are a
    /// 1-bit image (one bit a module) painted through as a stencil in `colour`, scaled with nearest-neighbour
    /// sampling so each module stays a sharp square. cairo 1.16 writes that as one small image mask XObject
    /// (`/ImageMask true`, `/Interpolate false`) and one `Do`: no path numbers, and none of the stroker's work
    /// for every run that the rows as lines cost (docs/performance.md, "Issue 18, sixth round: PDF").
    func draw(_ cr: OpaquePointer, x: Double, y: Double, side: Double, colour: RGB) {
        let m = side / Double(size + 8)
        let image = stencil()
        defer { cairo_surface_destroy(image) }
        let pattern = cairo_pattern_create_for_surface(image)!
        defer { cairo_pattern_destroy(pattern) }
        cairo_pattern_set_filter(pattern, CAIRO_FILTER_NEAREST)
        cairo_save(cr)
        cairo_translate(cr, x + 4 * m, y + 4 * m)
        cairo_scale(cr, m, m)
        cairo_set_source_rgb(cr, colour.r, colour.g, colour.b)
        cairo_mask(cr, pattern)
        cairo_restore(cr)
    }

    /// The modules as an A1 image, one pixel a module, set where dark. cairo's A1 pixels are the bits of 32-bit
    /// words from the least significant on a little-endian machine (pixel x: bit x % 8 of byte x / 8), from
    /// the most significant on a big-endian one.
    func stencil() -> OpaquePointer {
        let image = cairo_image_surface_create(CAIRO_FORMAT_A1, Int32(size), Int32(size))!
        cairo_surface_flush(image)
        let stride = Int(cairo_image_surface_get_stride(image))
        let data = cairo_image_surface_get_data(image)!
        let littleEndian = UInt32(1).littleEndian == 1
        for row in 0..<size {
            let line = data + row * stride
            line.update(repeating: 0, count: stride)
            for col in 0..<size where dark[row * size + col] {
                let bit = littleEndian ? col & 7 : 7 - (col & 7)
                line[col >> 3] |= UInt8(1 << bit)
            }
        }
        cairo_surface_mark_dirty(image)
        return image
    }

    /// The code as the filled rectangles it stands for (one per row's run of dark modules): what `draw`
    /// must cover, for the test that compares the two.
    func fillRectangles(_ cr: OpaquePointer, x: Double, y: Double, side: Double) {
        let m = side / Double(size + 8)
        for row in 0..<size {
            var col = 0
            while col < size {
                guard self[col, row] else { col += 1; continue }
                let start = col
                while col < size && self[col, row] { col += 1 }
                cairo_rectangle(cr, x + Double(start + 4) * m, y + Double(row + 4) * m, Double(col - start) * m, m)
            }
        }
        cairo_fill(cr)
    }
}

/// The codes made in this process, shared by the worker threads (a matrix is a plain value, ~1.5 KB with its
/// text). The batch engine draws each layout of the whole library in turn, so a summary's next handout comes
/// a library later: the memo holds that many codes, up to `capacity`, and forgets the oldest first.
final class QRMemo: @unchecked Sendable {
    static let shared = QRMemo()
    static let capacity = 4096
    private let lock = NSLock()
    private var matrices: [String: QRMatrix?] = [:]
    private var order: [String] = []
    private var oldest = 0
    /// Matrices encoded (for tests).
    private(set) var encoded = 0

    func matrix(_ text: String) -> QRMatrix? {
        if let hit = lock.withLock({ matrices[text] }) { return hit }
        let made = QRMatrix(text)
        lock.withLock {
            guard matrices[text] == nil else { return }
            encoded += 1
            matrices[text] = .some(made)
            order.append(text)
            if order.count - oldest > QRMemo.capacity {
                matrices[order[oldest]] = nil
                oldest += 1
                // The forgotten names go now and then, not one by one.
                if oldest > QRMemo.capacity { order.removeFirst(oldest); oldest = 0 }
            }
        }
        return made
    }
}

/// "Read this summary online": the QR code with its URL printed (and linked) beside it, so readers
/// without a phone can still type it.
final class QRItem: FlowItem {
    let matrix: QRMatrix
    let side: Double
    let text: TextBlock
    let url: String
    let colour: RGB

    /// Alternate text of the code's Figure, in the summary's language.
    let alt: String

    init(matrix: QRMatrix, url: String, text: TextBlock, side: Double, colour: RGB, spaceBefore: Double, alt: String) {
        self.alt = alt
        self.matrix = matrix
        self.side = side
        self.text = text
        self.url = url
        self.colour = colour
        super.init(height: max(side, text.height), spaceBefore: spaceBefore)
    }

    override var textBlocks: [TextBlock] { [text] }

    override func draw(_ canvas: PDFCanvas, x: Double, top: Double, slice: Range<Double>) {
        // Right to left, the code is on the right and the text left of it.
        let gap = side * 0.12
        let m = HorizontalFlip(rightToLeft: text.rightToLeft, left: x, width: side + gap + text.width)
        let qx = m.x(x, width: side)
        canvas.beginTag("Figure", alt: alt)
        matrix.draw(canvas.cr, x: qx, y: top, side: side, colour: colour)
        canvas.endTag()
        let tx = m.x(x + side + gap, width: text.width)
        let ty = top + max(0, (side - text.height) / 2)
        canvas.beginTag("P")
        text.draw(canvas, x: tx, top: ty, lines: 0..<text.lineCount)
        // The code itself is clickable too; its link sits with the printed address, keeping the Figure a
        // leaf element (cairo 1.16 tags content only in leaves).
        canvas.link(url, rects: [[qx, top, side, side]], description: "QR code: link to \(url)")
        canvas.endTag()
    }
}
