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
