// Tết and Giỗ Tổ 1900-2199 against independent computations run through node (tools/js):
// amlich (Hồ Ngọc Đức's JavaScript at UTC+7) must agree every year; lunar-javascript (the Chinese
// calendar, UTC+8) must agree except in exactly the years where the calendars are known to
// differ. The npm packages are installed by scripts/install-deps.sh (npm ci in tools/js); a
// missing node or package fails the test rather than skipping it.

#include <gtest/gtest.h>

#include <cstdio>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "calendar/lunar.h"

namespace motcua::calendar {
namespace {

struct NpmRow {
  std::string tet_vn, tet_cn, hung_kings;
};

std::map<int, NpmRow> RunTetTable() {
  const std::string cmd = "node " MOTCUA_TOOLS_JS_DIR "/tet_table.js 1900 2199 2>&1";
  std::map<int, NpmRow> rows;
  FILE* pipe = popen(cmd.c_str(), "r");
  if (pipe == nullptr) return rows;
  std::string out;
  char buf[4096];
  while (std::fgets(buf, sizeof buf, pipe) != nullptr) out += buf;
  pclose(pipe);
  std::istringstream in(out);
  int year;
  NpmRow row;
  while (in >> year >> row.tet_vn >> row.tet_cn >> row.hung_kings) rows[year] = row;
  if (rows.empty()) ADD_FAILURE() << "tools/js/tet_table.js printed no table:\n" << out;
  return rows;
}

TEST(LunarNpmTest, TetAndHungKingsDayMatchIndependentCalendars) {
  const std::map<int, NpmRow> rows = RunTetTable();
  ASSERT_EQ(rows.size(), 300u) << "run scripts/install-deps.sh (npm ci in tools/js)";
  std::vector<int> differs_from_chinese;
  for (const auto& [year, row] : rows) {
    const Result<CivilDate> tet = TetDate(year);
    ASSERT_TRUE(tet.ok()) << year;
    EXPECT_EQ(FormatDate(*tet), row.tet_vn) << "Tết " << year;
    const Result<CivilDate> hung = HungKingsDay(year);
    ASSERT_TRUE(hung.ok()) << year;
    EXPECT_EQ(FormatDate(*hung), row.hung_kings) << "Giỗ Tổ " << year;
    if (FormatDate(*tet) != row.tet_cn) differs_from_chinese.push_back(year);
  }
  // The UTC+7 and UTC+8 calendars put Tết on different days in these years only; 1968, 1985
  // (21 January in Vietnam, 20 February in China) and 2007 are the well-known ones.
  const std::vector<int> want = {1903, 1935, 1965, 1968, 1969, 1985, 2007, 2030, 2053, 2148, 2153};
  EXPECT_EQ(differs_from_chinese, want);
}

}  // namespace
}  // namespace motcua::calendar
