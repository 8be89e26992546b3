#include "dossier/code.h"

#include <gtest/gtest.h>

namespace motcua::dossier {
namespace {

TEST(DossierCodeTest, FormatsAndParses) {
  const DossierCode c{"H99.30", {2026, 11, 22}, 7};
  EXPECT_EQ(FormatDossierCode(c), "H99.30-261122-0007");
  EXPECT_EQ(FormatDossierCode({"000.00.00.H38", {2025, 1, 5}, 123456}),
            "000.00.00.H38-250105-123456");
  auto parsed = ParseDossierCode("H99.30-261122-0007");
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(*parsed, c);
}

TEST(DossierCodeTest, RejectsWhatIsNotACode) {
  for (const char* bad : {"", "H99.30", "H99.30-2611-0007", "H99.30-261122-007",
                          "H99.30-261322-0007", "h99.30-261122-0007", "H99.30-261122-0000",
                          "H99.30-26112a-0007", "-261122-0007", "H99.30-261122-00a7"}) {
    auto r = ParseDossierCode(bad);
    EXPECT_FALSE(r.ok()) << bad;
    if (!r.ok()) {
      EXPECT_EQ(r.error().field(), "code") << bad;
    }
  }
}

}  // namespace
}  // namespace motcua::dossier
