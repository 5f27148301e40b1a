#include "shared/common/clock.h"

namespace ducha {

const Clock& system_clock() {
    static const SystemClock clock;
    return clock;
}

}  // namespace ducha
