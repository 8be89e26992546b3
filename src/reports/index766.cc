#include "reports/index766.h"

#include <algorithm>
#include <set>

namespace motcua::reports {

const Index766Spec& Index766Table() {
  static const Index766Spec kTable{
      "Decision 766/QĐ-TTg (2022), Annex; indicator split as the national portal describes it",
      {{1, "Công khai, minh bạch", 18},
       {2, "Tiến độ giải quyết", 20},
       {3, "Dịch vụ công trực tuyến", 22},
       {4, "Số hóa hồ sơ", 22},
       {5, "Mức độ hài lòng", 18}},
      {
          {"1.1", 1, "Công bố, công khai TTHC đúng hạn", "published on time / published",
           "published_on_time", "published", 6, std::nullopt},
          {"1.2", 1, "Công khai TTHC trên CSDL quốc gia đúng hạn",
           "made public on time / published", "public_on_time", "published", 4, std::nullopt},
          {"1.3", 1, "Công khai đầy đủ thành phần", "complete / published", "published_complete",
           "published", 2, std::nullopt},
          {"1.4", 1, "Đồng bộ hồ sơ lên Cổng DVCQG", "synchronised / received", "synced",
           "received", 6, std::nullopt},
          {"2.1", 2, "Giải quyết trước hạn, đúng hạn",
           "(resolved early or on time + in progress on time) / (resolved + in progress)", "timely",
           "processed", 20, std::nullopt},
          {"3.1", 3, "TTHC có dịch vụ công trực tuyến",
           "procedures with an online service / procedures in competence", "online_procedures",
           "procedures", 4, 0.8},
          {"3.2", 3, "Dịch vụ công trực tuyến phát sinh hồ sơ",
           "online services that received dossiers / online services", "online_services_used",
           "online_services", 4, std::nullopt},
          {"3.3", 3, "Tỷ lệ hồ sơ trực tuyến", "received online / received", "online", "received",
           4, 0.5},
          {"3.5", 3, "TTHC có thanh toán trực tuyến",
           "procedures with fees payable online / procedures with fees", "pay_online_procedures",
           "fee_procedures", 4, 0.8},
          {"3.6", 3, "Hồ sơ thanh toán trực tuyến", "paid online / dossiers with fees",
           "paid_online", "with_fees", 6, std::nullopt},
          {"4.1", 4, "Hồ sơ có kết quả điện tử", "electronic results / resolved", "e_result",
           "resolved", 6, std::nullopt},
          {"4.2", 4, "Hồ sơ được số hóa", "digitized / received", "digitized", "received", 4, 0.8},
          {"4.2b", 4, "Cấp bản sao điện tử", "certified electronic copies / requested", "e_copies",
           "copy_requests", 2, std::nullopt},
          {"4.3", 4, "Tái sử dụng dữ liệu số hóa", "with a reused component / received", "reused",
           "received", 2, 0.8},
          {"4.4", 4, "Khai thác kho dữ liệu", "with a data-store component / received",
           "data_store", "received", 4, std::nullopt},
          {"4.5", 4, "Kết nối CSDL quốc gia về dân cư",
           "procedures and dossiers using VNeID / population data", "population_db", "received", 4,
           std::nullopt},
          {"5.2", 5, "Xử lý phản ánh, kiến nghị đúng hạn", "feedback handled on time / feedback",
           "feedback_on_time", "feedback", 6, std::nullopt},
          {"5.3", 5, "Hài lòng về xử lý phản ánh, kiến nghị",
           "(feedback - disliked, repeated or overdue) / feedback", "feedback_satisfied",
           "feedback", 6, std::nullopt},
          {"5.4", 5, "Hài lòng về giải quyết hồ sơ",
           "100% - (% overdue + % with feedback or dislike)", "satisfied", "processed", 6, 0.9},
      }};
  return kTable;
}

Status ValidateIndex766(const Index766Spec& spec) {
  std::set<std::string> ids;
  std::map<int, double> scored;
  std::map<int, double> totals;
  for (const GroupSpec& g : spec.groups) {
    if (g.points < 0) return Error::InvalidArgument("group " + std::to_string(g.group) + " < 0");
    totals[g.group] = g.points;
  }
  for (const IndicatorSpec& i : spec.indicators) {
    if (i.id.empty() || !ids.insert(i.id).second) {
      return Error::InvalidArgument("indicator id '" + i.id + "' is empty or repeated");
    }
    if (!totals.contains(i.group)) {
      return Error::InvalidArgument("indicator " + i.id + ": unknown group");
    }
    if (i.numerator.empty() || i.denominator.empty()) {
      return Error::InvalidArgument("indicator " + i.id + ": numerator and denominator needed");
    }
    if (i.points < 0) return Error::InvalidArgument("indicator " + i.id + ": points < 0");
    if (i.threshold && (*i.threshold <= 0 || *i.threshold > 1)) {
      return Error::InvalidArgument("indicator " + i.id + ": threshold outside (0, 1]");
    }
    scored[i.group] += i.points;
  }
  for (const auto& [group, points] : scored) {
    if (points > totals[group] + 1e-9) {
      return Error::InvalidArgument("group " + std::to_string(group) +
                                    ": its indicators carry more points than the group");
    }
  }
  return Ok();
}

Index766Inputs InputsOf(const Statistics& s) {
  const std::int64_t timed_resolved = s.resolved_early + s.resolved_on_time + s.resolved_late;
  return {
      {"received", s.received},
      {"online", s.received_online},
      {"digitized", s.digitized},
      {"reused", s.reused},
      {"data_store", s.data_store},
      {"timely", s.resolved_early + s.resolved_on_time + s.in_progress_on_time},
      {"processed", timed_resolved + s.InProgress()},
      {"resolved", s.Resolved()},
  };
}

Index766Result ScoreIndex766(const Index766Spec& spec, const Index766Inputs& inputs) {
  Index766Result out;
  for (const GroupSpec& g : spec.groups) out.total_points += g.points;
  for (const IndicatorSpec& i : spec.indicators) {
    IndicatorScore s;
    s.spec = &i;
    const auto num = inputs.find(i.numerator);
    const auto den = inputs.find(i.denominator);
    if (num == inputs.end() || den == inputs.end()) {
      s.reason_code = "not-recorded";
      s.missing_input = num == inputs.end() ? i.numerator : i.denominator;
      s.reason = "not measurable: motcua does not record '" + s.missing_input + "' yet";
    } else if (den->second <= 0) {
      s.reason_code = "no-dossier";
      s.reason = "not measurable: no dossier counts towards '" + i.denominator + "' in the period";
    } else {
      s.measurable = true;
      s.numerator = num->second;
      s.denominator = den->second;
      s.ratio = static_cast<double>(s.numerator) / static_cast<double>(s.denominator);
      if (i.threshold) {
        s.score = s.ratio >= *i.threshold ? i.points : s.ratio * i.points / *i.threshold;
      } else {
        s.score = s.ratio * i.points;
      }
      s.score = std::min(s.score, i.points);
      out.score += s.score;
      out.measurable_points += i.points;
    }
    out.indicators.push_back(std::move(s));
  }
  return out;
}

}  // namespace motcua::reports
