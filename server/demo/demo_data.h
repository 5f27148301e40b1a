#pragma once
// Demo data for `ducha-server init --demo`: Anshan's 8 districts, their zones and communities,
// about 1,500 institutions, 258 volunteers with coordinators, supervisors and an admin, 3包
// assignments, the default checklist, open tasks, complaints and three weeks of done tasks.
// Deterministic: the same seed and clock give byte-identical records, on any standard library.
// A library of its own (ducha_demo): `ducha-server` and the tests link it, the server library does not.
#include <cstdint>
#include <string>
#include <vector>

#include "server/service/seed_data.h"

namespace ducha::server {

using DemoUser = SeedUser;
using DemoData = SeedData;

DemoData make_demo_data(std::uint64_t seed, std::int64_t now_unix_seconds);

}  // namespace ducha::server
