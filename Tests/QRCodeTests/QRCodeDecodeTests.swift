import Foundation
import QRCode
import TestSupport
import Testing

/// Every symbol is read back by zbarimg (Debian's zbar-tools), a decoder nobody here wrote.
@Suite struct QRCodeDecodeTests {
    @Test(arguments: [1, 17, 43, 120, 160, 400, 1200])
    func pngDecodesToTheSameBytes(length: Int) throws {
        let text = String(
            (0..<length).map { i in
                Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.:")[(i * 7 + length) % 66]
            })
        let code = try QRCode(text: text)
        #expect(try ZBar.decode(Data(code.png()), suffix: "png") == text)
    }

    @Test(arguments: QRCode.ErrorCorrection.allCases)
    func everyErrorCorrectionLevelDecodes(level: QRCode.ErrorCorrection) throws {
        let text = "q1Z6S8x1bYVnQe3u0o8kq9m2yVd5hK3pT4Wc7rJ0fLs"
        #expect(try ZBar.decode(Data(try QRCode(text: text, errorCorrection: level).png()), suffix: "png") == text)
    }

    @Test func svgDecodesToTheSameBytes() throws {
        let text = "BOX1:AQID-svg-check_0123456789"
        let svg = try QRCode(text: text).svg()
        #expect(svg.hasPrefix("<?xml"))
        #expect(try ZBar.decode(try ZBar.rasterize(svg: svg), suffix: "png") == text)
    }

    @Test func versionGrowsWithTheData() throws {
        #expect(try QRCode(text: "A").version == 1)
        #expect(try QRCode(text: String(repeating: "A", count: 43)).version == 4)
        #expect(try QRCode(text: String(repeating: "A", count: 43)).size == 33)
        #expect(throws: QRCode.EncodingError.self) { try QRCode(bytes: Array(repeating: 65, count: 3000)) }
    }
}
