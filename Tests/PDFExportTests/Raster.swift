import CCairo

/// A `size`×`size` white RGB24 image with `draw` applied at `scale` (offset by one unit so edges are kept): the
/// pixels two ways of drawing the same shape are compared by.
func rasterImage(size: Int32, scale: Double, _ draw: (OpaquePointer) -> Void) -> [UInt8] {
    let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, size, size)!
    defer { cairo_surface_destroy(surface) }
    let cr = cairo_create(surface)!
    cairo_set_source_rgb(cr, 1, 1, 1)
    cairo_paint(cr)
    cairo_scale(cr, scale, scale)
    cairo_translate(cr, 1, 1)
    draw(cr)
    cairo_destroy(cr)
    cairo_surface_flush(surface)
    let count = Int(cairo_image_surface_get_stride(surface)) * Int(size)
    return Array(UnsafeBufferPointer(start: cairo_image_surface_get_data(surface)!, count: count))
}
