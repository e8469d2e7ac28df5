import Foundation
import Orders
import TestSupport
import Testing

@Suite struct PaymentMethodTests {
    @Test func freeIsPaidAtOnceAndOfflineWaitsForItsWindow() {
        #expect(FreeMethod().start(totalMinor: 0, now: TestClock.t0) == .paid)
        let offline = OfflineMethod(window: .seconds(3600))
        #expect(
            offline.start(totalMinor: 1500, now: TestClock.t0)
                == .awaiting(deadline: TestClock.t0.addingTimeInterval(3600)))
        #expect(offline.name == "offline")
    }
}
