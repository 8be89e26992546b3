// The official holiday schedules for civil servants (cán bộ, công chức, viên chức), as data. Each
// year names the documents it comes from; docs/calendar.md records where each was read and how
// sure we are. Days the documents do not mention follow the Labour Code (holidays and art. 111(3)
// compensatory days), and are listed here explicitly so that a year reads as one table.

#include <algorithm>

#include "calendar/holidays.h"

namespace motcua::calendar {
namespace {

constexpr HolidayKind kStat = HolidayKind::kStatutory;
constexpr HolidayKind kComp = HolidayKind::kCompensatory;
constexpr HolidayKind kSwap = HolidayKind::kSwapped;

std::vector<YearSchedule> BuildOfficial() {
  std::vector<YearSchedule> years;
  years.push_back(
      {2022,
       "Công văn 245/VPCP-KGVX ngày 11/01/2022 (Tết, Quốc khánh); Bộ luật Lao động 2019",
       {{{2022, 1, 1}, kNewYearName, kStat},
        {{2022, 1, 3}, "Nghỉ bù Tết Dương lịch", kComp},
        {{2022, 1, 31}, kTetName, kStat},
        {{2022, 2, 1}, kTetName, kStat},
        {{2022, 2, 2}, kTetName, kStat},
        {{2022, 2, 3}, kTetName, kStat},
        {{2022, 2, 4}, kTetName, kStat},
        {{2022, 4, 10}, kHungKingsName, kStat},
        {{2022, 4, 11}, "Nghỉ bù Giỗ Tổ Hùng Vương", kComp},
        {{2022, 4, 30}, kReunificationName, kStat},
        {{2022, 5, 1}, kLabourDayName, kStat},
        {{2022, 5, 2}, "Nghỉ bù Ngày Chiến thắng", kComp},
        {{2022, 5, 3}, "Nghỉ bù Ngày Quốc tế Lao động", kComp},
        {{2022, 9, 1}, kNationalDayName, kStat},
        {{2022, 9, 2}, kNationalDayName, kStat}},
       {}});
  years.push_back(
      {2023,
       "Công văn 8056/VPCP-KGVX ngày 01/12/2022 (Tết, Quốc khánh); Bộ luật Lao động 2019",
       {{{2023, 1, 1}, kNewYearName, kStat},
        {{2023, 1, 2}, "Nghỉ bù Tết Dương lịch", kComp},
        {{2023, 1, 20}, kTetName, kStat},
        {{2023, 1, 21}, kTetName, kStat},
        {{2023, 1, 22}, kTetName, kStat},
        {{2023, 1, 23}, kTetName, kStat},
        {{2023, 1, 24}, kTetName, kStat},
        {{2023, 1, 25}, "Nghỉ bù Tết Nguyên đán", kComp},
        {{2023, 1, 26}, "Nghỉ bù Tết Nguyên đán", kComp},
        {{2023, 4, 29}, kHungKingsName, kStat},
        {{2023, 4, 30}, kReunificationName, kStat},
        {{2023, 5, 1}, kLabourDayName, kStat},
        {{2023, 5, 2}, "Nghỉ bù Giỗ Tổ Hùng Vương", kComp},
        {{2023, 5, 3}, "Nghỉ bù Ngày Chiến thắng", kComp},
        {{2023, 9, 1}, kNationalDayName, kStat},
        {{2023, 9, 2}, kNationalDayName, kStat},
        {{2023, 9, 4}, "Nghỉ bù Quốc khánh", kComp}},
       {}});
  years.push_back(
      {2024,
       "Công văn 8662/VPCP-KGVX ngày 03/11/2023 và Thông báo 5015/TB-LĐTBXH ngày 22/11/2023 "
       "(Tết, Quốc khánh); Công văn 2450/VPCP-KGVX ngày 12/4/2024 (hoán đổi 29/4 - 4/5)",
       {{{2024, 1, 1}, kNewYearName, kStat},
        {{2024, 2, 8}, kTetName, kStat},
        {{2024, 2, 9}, kTetName, kStat},
        {{2024, 2, 10}, kTetName, kStat},
        {{2024, 2, 11}, kTetName, kStat},
        {{2024, 2, 12}, kTetName, kStat},
        {{2024, 2, 13}, "Nghỉ bù Tết Nguyên đán", kComp},
        {{2024, 2, 14}, "Nghỉ bù Tết Nguyên đán", kComp},
        {{2024, 4, 18}, kHungKingsName, kStat},
        {{2024, 4, 29}, "Nghỉ hoán đổi (làm bù thứ Bảy 04/5/2024)", kSwap},
        {{2024, 4, 30}, kReunificationName, kStat},
        {{2024, 5, 1}, kLabourDayName, kStat},
        {{2024, 9, 2}, kNationalDayName, kStat},
        {{2024, 9, 3}, kNationalDayName, kStat}},
       {{{2024, 5, 4}, "Làm bù cho thứ Hai 29/4/2024", {}}}});
  years.push_back({2025,
                   "Công văn 8726/VPCP-KGVX ngày 26/11/2024; Thông báo 6150/TB-BLĐTBXH năm 2024",
                   {{{2025, 1, 1}, kNewYearName, kStat},
                    {{2025, 1, 27}, kTetName, kStat},
                    {{2025, 1, 28}, kTetName, kStat},
                    {{2025, 1, 29}, kTetName, kStat},
                    {{2025, 1, 30}, kTetName, kStat},
                    {{2025, 1, 31}, kTetName, kStat},
                    {{2025, 4, 7}, kHungKingsName, kStat},
                    {{2025, 4, 30}, kReunificationName, kStat},
                    {{2025, 5, 1}, kLabourDayName, kStat},
                    {{2025, 5, 2}, "Nghỉ hoán đổi (làm bù thứ Bảy 26/4/2025)", kSwap},
                    {{2025, 9, 1}, kNationalDayName, kStat},
                    {{2025, 9, 2}, kNationalDayName, kStat}},
                   {{{2025, 4, 26}, "Làm bù cho thứ Sáu 02/5/2025", {}}}});
  years.push_back(
      {2026,
       "Công văn 12729/VPCP-KGVX ngày 25/12/2025 (Tết Dương lịch); công văn của Văn phòng "
       "Chính phủ tháng 10/2025 truyền đạt ý kiến Thủ tướng (Tết, Quốc khánh; số cần xác minh)",
       {{{2026, 1, 1}, kNewYearName, kStat},
        {{2026, 1, 2}, "Nghỉ hoán đổi (làm bù thứ Bảy 10/01/2026)", kSwap},
        {{2026, 2, 16}, kTetName, kStat},
        {{2026, 2, 17}, kTetName, kStat},
        {{2026, 2, 18}, kTetName, kStat},
        {{2026, 2, 19}, kTetName, kStat},
        {{2026, 2, 20}, kTetName, kStat},
        {{2026, 4, 26}, kHungKingsName, kStat},
        {{2026, 4, 27}, "Nghỉ bù Giỗ Tổ Hùng Vương", kComp},
        {{2026, 4, 30}, kReunificationName, kStat},
        {{2026, 5, 1}, kLabourDayName, kStat},
        {{2026, 8, 31}, "Nghỉ hoán đổi (làm bù thứ Bảy 22/8/2026)", kSwap},
        {{2026, 9, 1}, kNationalDayName, kStat},
        {{2026, 9, 2}, kNationalDayName, kStat}},
       {{{2026, 1, 10}, "Làm bù cho thứ Sáu 02/01/2026", {}},
        {{2026, 8, 22}, "Làm bù cho thứ Hai 31/8/2026", {}}}});
  return years;
}

const std::vector<YearSchedule>& Official() {
  static const std::vector<YearSchedule>* const kOfficial =
      new std::vector<YearSchedule>(BuildOfficial());
  return *kOfficial;
}

}  // namespace

std::optional<YearSchedule> OfficialYearSchedule(int year) {
  for (const YearSchedule& y : Official()) {
    if (y.year == year) return y;
  }
  return std::nullopt;
}

std::vector<int> OfficialYears() {
  std::vector<int> out;
  for (const YearSchedule& y : Official()) out.push_back(y.year);
  return out;
}

}  // namespace motcua::calendar
