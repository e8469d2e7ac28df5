extension QRCode {
    /// A scalable image: one path of unit squares on a white background, with the standard's quiet zone.
    public func svg(border: Int = 4) -> String {
        let side = size + border * 2
        var path = ""
        for y in 0..<size {
            for x in 0..<size where isDark(x: x, y: y) { path += "M\(x + border),\(y + border)h1v1h-1z" }
        }
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" version="1.1" viewBox="0 0 \(side) \(side)" shape-rendering="crispEdges">\
            <rect width="100%" height="100%" fill="#FFFFFF"/><path d="\(path)" fill="#000000"/></svg>

            """
    }
}
