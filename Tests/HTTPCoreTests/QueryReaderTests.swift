import Testing

@testable import HTTPCore

/// A query string is read as browsers and HTTP clients write one (HTML forms, `URLSearchParams`, Python's requests):
/// a plus is a space and `%2B` a plus, so a value the document accepts is read as the client meant it.
@Suite struct QueryReaderTests {
    @Test func aPlusIsASpaceAndAnEncodedPlusAPlus() {
        let fields = QueryReader.fields(of: "recipient=ada+lovelace%2Btag%40example.org&q=+jazz+&empty=&flag")
        #expect(fields["recipient"] == "ada lovelace+tag@example.org")
        #expect(fields["q"] == " jazz ")
        #expect(fields["empty"] == "")
        #expect(fields["flag"] == "")
    }

    @Test func theFirstOfARepeatedNameCountsAndBrokenEscapesStayAsSent() {
        let fields = QueryReader.fields(of: "page=2&page=3&text=100%&name%20x=y")
        #expect(fields["page"] == "2")
        #expect(fields["text"] == "100%")
        #expect(fields["name x"] == "y")
        #expect(QueryReader.fields(of: nil).isEmpty)
    }
}
