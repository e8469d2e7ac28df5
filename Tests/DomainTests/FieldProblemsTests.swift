import Domain
import Foundation
import Testing

@Suite struct FieldProblemsTests {
    @Test func collectsEveryFieldAndKeepsTheFirstProblemOfEach() {
        var problems = FieldProblems()
        problems.require("ab".count >= 3, "title", "must be 3 to 200 characters")
        problems.require(false, "title", "a later, less basic problem")
        problems.require(true, "capacity", "never recorded")
        problems.add("sessions[1].start", "must be before end")
        #expect(
            problems.byField == ["title": "must be 3 to 200 characters", "sessions[1].start": "must be before end"])
        #expect(throws: FieldProblems.self) { try problems.throwIfAny() }
    }

    @Test func textIsBoundedAsTheDocumentCountsAndTrimmedByRule() {
        var problems = FieldProblems()
        // "é" written as e + combining accent: two code points, as JSON Schema's minLength counts, one character.
        #expect(problems.requireText("e\u{301}", "name", lengths: 2...100) == "e\u{301}")
        #expect(problems.isEmpty)
        #expect(problems.requireText("  Hall A \n", "venue", lengths: 1...200) == "Hall A")
        #expect(problems.isEmpty)
        problems.requireText(" ab ", "title", lengths: 3...200)
        problems.requireText("   ", "sessionName", lengths: 1...200)
        #expect(problems.onlyRules)
        #expect(problems.byField["sessionName"] == "must not be blank")
        problems.requireText("x", "organization", lengths: 2...100)
        #expect(!problems.onlyRules)
        #expect(problems.byField["organization"] == "must be 2 to 100 characters")
    }

    @Test func aShapeProblemReplacesARuleOfTheSameField() {
        var problems = FieldProblems()
        problems.refuse("title", "must not be blank")
        #expect(problems.onlyRules)
        problems.add("title", "must be plain text (no HTML tags)")
        #expect(!problems.onlyRules)
        #expect(problems.byField == ["title": "must be plain text (no HTML tags)"])
        problems.refuse("title", "a later rule")
        #expect(problems.byField == ["title": "must be plain text (no HTML tags)"])
    }

    @Test func noProblemsMeansNoThrow() throws {
        let problems = FieldProblems()
        #expect(problems.isEmpty)
        try problems.throwIfAny()
    }
}

@Suite struct AppClockTests {
    @Test func aFixedClockNeverMoves() {
        let instant = Date(timeIntervalSince1970: 1_780_315_200)
        let clock = AppClock.fixed(instant)
        #expect(clock.now() == instant)
        #expect(clock.now() == instant)
    }
}
