#include "core/geo.h"

#include <gtest/gtest.h>

namespace dateline {
namespace {

TEST(DistanceKmTest, KnownDistances) {
  EXPECT_NEAR(DistanceKm(36.19, 44.01, 36.19, 44.01), 0.0, 1e-9);
  EXPECT_NEAR(DistanceKm(33.34, 44.40, 36.19, 44.01), 318,
              3);                                   // Baghdad - Erbil
  EXPECT_NEAR(DistanceKm(0, 0, 0, 180), 20015, 5);  // half the equator
  EXPECT_NEAR(DistanceKm(51.5, -0.13, 48.86, 2.35), 343, 3);  // London - Paris
  EXPECT_DOUBLE_EQ(DistanceKm(10, 20, 30, 40), DistanceKm(30, 40, 10, 20));
}

TEST(DistanceKmTest, GivenCosinesGiveTheSameBits) {
  const double points[][2] = {{36.19, 44.01},
                              {33.34, 44.40},
                              {-33.87, 151.21},
                              {64.13, -21.9},
                              {0, 180}};
  for (const auto& p : points) {
    for (const auto& q : points) {
      EXPECT_EQ(DistanceKm(p[0], p[1], CosLatitude(p[0]), q[0], q[1],
                           CosLatitude(q[0])),
                DistanceKm(p[0], p[1], q[0], q[1]));
    }
  }
}

}  // namespace
}  // namespace dateline
