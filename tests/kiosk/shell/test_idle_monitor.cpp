// IdleMonitor timing.
#include <doctest/doctest.h>

#include "kiosk/idle_monitor.hpp"

using namespace madoguchi;

TEST_CASE("active, counting down, expired") {
    IdleMonitor m(90'000, 15'000);
    m.reset(0);
    CHECK(m.state(0) == IdleState::active);
    CHECK(m.state(89'999) == IdleState::active);
    CHECK(m.next_deadline_ms(10'000) == 90'000);
    CHECK(m.state(90'000) == IdleState::counting_down);
    CHECK(m.seconds_left(90'000) == 15);
    CHECK(m.seconds_left(90'001) == 15);
    CHECK(m.seconds_left(104'000) == 1);
    CHECK(m.next_deadline_ms(90'250) == 91'000);
    CHECK(m.state(105'000) == IdleState::expired);
    CHECK(m.seconds_left(200'000) == 0);
    m.reset(100'000);
    CHECK(m.state(100'000) == IdleState::active);
}
