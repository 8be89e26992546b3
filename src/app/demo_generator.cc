#include "app/demo_generator.h"

#include <algorithm>
#include <random>
#include <tuple>

#include "app/dossier_internal.h"
#include "calendar/civil_time.h"
#include "dossier/code.h"
#include "dossier/machine.h"
#include "dossier/times.h"

namespace motcua::app {
namespace {

using dossier::Command;
using dossier::CommandKind;
using dossier::Event;
using dossier::State;
using identity::Role;

constexpr std::int64_t kDay = 86400;

Command Cmd(CommandKind kind) {
  Command c;
  c.kind = kind;
  return c;
}

const char* const kFamily[] = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi"};
const char* const kMiddle[] = {"Thị", "Văn", "Minh", "Ngọc", "Đức", "Thu"};
const char* const kGiven[] = {"Hương", "Nam", "Lan", "Hùng", "Mai", "Tuấn", "Hà", "Dũng"};

struct Candidate {
  catalog::ProcedureVersion version;
  std::vector<catalog::Workflow> workflows;
};

// One dossier's history under construction.
class Walk {
 public:
  Walk(const Candidate& c, const catalog::Workflow& w, const DossierService::Units& units,
       const std::map<std::string, std::int64_t>& officers)
      : c_(c), w_(w), units_(units), officers_(officers) {}

  dossier::Dossier d;
  std::vector<Event> events;
  std::string refusal;

  // Decides and applies one command at `at` by an officer of `unit` (or the applicant).
  bool Do(Instant at, const std::string& unit, Command cmd, bool applicant = false) {
    dossier::Context ctx;
    ctx.now = at;
    ctx.procedure = &c_.version.procedure;
    ctx.workflow = &w_;
    ctx.in_subtree = [this](const std::string& root, const std::string& u) {
      return units_.ContainsCode(root, u);
    };
    ctx.supplement_expired = cmd.kind == CommandKind::kStop && d.state == State::kSupplement;
    if (applicant) {
      ctx.actor.applicant = true;
      ctx.actor.username = "applicant";
    } else {
      ctx.actor.unit_code = unit;
      const auto o = officers_.find(unit);
      ctx.actor.user_id = o == officers_.end() ? 0 : o->second;
      ctx.actor.username = "demo";
      ctx.actor.roles = {Role::kReceptionOfficer, Role::kSpecialist, Role::kDivisionHead,
                         Role::kAgencyHead, Role::kClerk};
      if (ctx.supplement_expired) ctx.actor.system = true;
    }
    if (cmd.reason.empty()) cmd.reason = "Dữ liệu mẫu";
    auto decided = dossier::Decide(d, cmd, ctx);
    if (!decided) {
      if (refusal.empty()) {
        refusal = std::string(dossier::CommandKindName(cmd.kind)) + ": " + decided.error().message;
      }
      return false;
    }
    for (Event& e : *decided) {
      dossier::Apply(d, e);
      events.push_back(std::move(e));
    }
    return true;
  }

  std::string StepUnit() const { return d.step_unit.empty() ? d.competent_unit : d.step_unit; }

 private:
  const Candidate& c_;
  const catalog::Workflow& w_;
  const DossierService::Units& units_;
  const std::map<std::string, std::int64_t>& officers_;
};

// The number of steps on the planned path from the start (next[0] each time).
int PathLength(const catalog::Workflow& w) {
  int n = 0;
  for (const catalog::Step* s = dossier::StartStep(w); s != nullptr && n < 50; ++n) {
    s = s->next.empty() ? nullptr : dossier::FindStep(w, s->next[0]);
  }
  return std::max(n, 1);
}

struct Generator {
  const std::vector<Candidate>& candidates;
  const DossierService::Units& units;
  const std::map<std::string, std::int64_t>& officers;
  const calendar::Calendar& cal;
  const DemoOptions& options;
  std::mt19937_64 rng;

  double Uniform() { return std::uniform_real_distribution<double>(0, 1)(rng); }
  int Pick(int n) { return static_cast<int>(rng() % static_cast<std::uint64_t>(n)); }

  // A reception instant on the day of `slot` (the next Monday for a weekend day; public holidays
  // are not skipped), between 07:30 and 16:30 local time, never after the data set's end.
  Instant ReceptionInstant(Instant slot) {
    calendar::DayNumber day = calendar::LocalDayOf(slot);
    const calendar::Weekday wd = calendar::WeekdayOf(day);
    if (wd == calendar::Weekday::kSaturday) day += 2;
    if (wd == calendar::Weekday::kSunday) day += 1;
    const Instant t = calendar::InstantOf(day, 7 * 3600 + 1800 + Pick(9 * 3600));
    return std::min(t, options.end - 1);
  }

  // One dossier's whole history up to options.end, or false when the state machine refused a
  // planned step (its reason is kept in walk.refusal).
  bool Make(Instant slot, Walk*& out, std::unique_ptr<Walk>& holder) {
    const Candidate& c = candidates[Pick(static_cast<int>(candidates.size()))];
    const catalog::Procedure& p = c.version.procedure;
    std::vector<dossier::Channel> channels;
    for (const catalog::ChannelSpec& s : p.channels) channels.push_back(s.channel);
    if (channels.empty()) channels.push_back(dossier::Channel::kInPerson);
    // Online about half the time where the procedure allows it, post rarely.
    dossier::Channel channel = channels[Pick(static_cast<int>(channels.size()))];
    const double r = Uniform();
    for (dossier::Channel ch : channels) {
      if (r < 0.5 && ch == dossier::Channel::kOnline) channel = ch;
      if (r > 0.97 && ch == dossier::Channel::kPostal) channel = ch;
    }
    auto workflow = internal::PickWorkflow(c.workflows, p.code, c.version.number, channel);
    if (!workflow) return false;
    // PickWorkflow returns a copy: kept here while the walk uses it.
    w_keep_ = std::move(*workflow);
    holder = std::make_unique<Walk>(c, w_keep_, units, officers);
    Walk& walk = *holder;
    out = &walk;

    dossier::Dossier& d = walk.d;
    d.procedure_code = p.code;
    d.procedure_version = c.version.number;
    d.channel = channel;
    d.competent_unit = internal::Route(units, p, "");
    d.receiving_unit = internal::ReceivingUnitOf(p, d.competent_unit);
    d.applicant.name =
        std::string(kFamily[Pick(8)]) + " " + kMiddle[Pick(6)] + " " + kGiven[Pick(8)];
    d.applicant.id_number = "0012" + std::to_string(10000000 + Pick(89999999));
    d.applicant.address = "Phường Hòa Bình";
    d.applicant.phone = "09" + std::to_string(10000000 + Pick(89999999));
    if (!p.cases.empty()) {
      d.case_name = p.cases.front().name;
      for (const catalog::Component& comp : p.cases.front().components) {
        dossier::ProvidedComponent pc;
        pc.name = comp.name;
        const double q = Uniform();
        pc.provision = channel == dossier::Channel::kOnline ? dossier::Provision::kElectronic
                                                            : dossier::Provision::kPaperCopy;
        if (q < 0.15 && comp.reusable_from_data_store)
          pc.provision = dossier::Provision::kDataStore;
        if (q > 0.9) pc.provision = dossier::Provision::kReused;
        pc.digitized = true;
        pc.file_sha256 = std::string(64, 'd');
        d.components.push_back(std::move(pc));
      }
    }
    const Instant t0 = ReceptionInstant(slot);
    if (channel == dossier::Channel::kOnline) {
      Command submit = Cmd(CommandKind::kSubmit);
      if (!walk.Do(t0 - 3600 * (1 + Pick(20)), d.receiving_unit, submit, true)) return false;
    }
    // 3% refused at reception (form 03).
    if (Uniform() < 0.03) {
      Command refuse = Cmd(CommandKind::kRefuse);
      refuse.reason = "Không thuộc thẩm quyền giải quyết";
      return walk.Do(t0, d.receiving_unit, refuse);
    }
    if (!walk.Do(t0, d.receiving_unit, Cmd(CommandKind::kReceive))) return false;
    auto times = dossier::ComputeTimes(d, walk.events, p, cal, t0);
    if (!times) return false;
    const Instant due = times->due.value_or(t0 + 10 * kDay);
    // The fate: 62% early, 23% on the due day, 15% late (with an apology); a few withdraw, a few
    // get a supplement request (some never bring it).
    const double fate = Uniform();
    Instant finish = 0;
    if (fate < 0.62) {
      finish = t0 + static_cast<Instant>((0.3 + 0.5 * Uniform()) * static_cast<double>(due - t0));
    } else if (fate < 0.85) {
      finish = std::max(t0 + 3600, due - 3600 - Pick(4 * 3600));
    } else {
      finish = due + kDay + Pick(10) * kDay;
    }
    const bool late = finish > due;
    const bool withdraw = Uniform() < 0.02;
    const bool supplement = Uniform() < 0.08;
    const bool never_brought = supplement && Uniform() < 0.2;
    const bool pause = Uniform() < 0.1;
    const int steps = PathLength(w_keep_);
    const Instant stride = std::max<Instant>((finish - t0) / (steps + 1), 600);
    Instant t = t0;
    bool apologized = false;
    bool supplemented = false;
    bool paused = false;
    for (int guard = 0; guard < 60; ++guard) {
      t += stride;
      if (t > options.end) return true;  // still open at the end of the data set
      if (d.state == State::kResolved) {
        Command ret = Cmd(CommandKind::kReturn);
        ret.return_method = channel == dossier::Channel::kOnline ? dossier::ReturnMethod::kOnline
                                                                 : dossier::ReturnMethod::kCounter;
        return walk.Do(t, d.receiving_unit, ret);
      }
      if (d.state == State::kReturned || d.state == State::kStopped) return true;
      if (d.state == State::kWithdrawal)
        return walk.Do(t, walk.StepUnit(), Cmd(CommandKind::kStop));
      if (withdraw && d.state == State::kProcessing) {
        return walk.Do(t, walk.StepUnit(), Cmd(CommandKind::kRequestWithdrawal), true) &&
               (t + kDay > options.end ||
                walk.Do(t + kDay, walk.StepUnit(), Cmd(CommandKind::kStop)));
      }
      if (d.state == State::kProcessing && late && !apologized && t > due - 2 * kDay) {
        Command draft = Cmd(CommandKind::kDraftApology);
        draft.new_appointment = finish + kDay;
        if (walk.Do(t, d.competent_unit, draft) &&
            walk.Do(t + 1800, d.competent_unit, Cmd(CommandKind::kSignApology))) {
          apologized = true;
          t += 1800;
          continue;
        }
        walk.refusal.clear();
      }
      if (d.state == State::kProcessing && supplement && !supplemented) {
        Command ask = Cmd(CommandKind::kRequestSupplement);
        ask.items = {"Bản sao giấy tờ bổ sung"};
        if (walk.Do(t, walk.StepUnit(), ask)) {
          supplemented = true;
          if (never_brought) {
            // The supplement period (15 working days) passes: the sweep stops the dossier.
            const Instant stop_at = t + 25 * kDay;
            if (stop_at > options.end) return true;
            return walk.Do(stop_at, walk.StepUnit(), Cmd(CommandKind::kStop));
          }
          const Instant back = t + (2 + Pick(5)) * kDay;
          if (back > options.end) return true;
          // Brought on paper and recorded at the step (an applicant online brings files).
          if (!walk.Do(back, walk.StepUnit(), Cmd(CommandKind::kReceiveSupplement))) {
            return false;
          }
          t = back;
          continue;
        }
        walk.refusal.clear();
      }
      if (d.state == State::kProcessing && pause && !paused) {
        Command stop_clock = Cmd(CommandKind::kPause);
        stop_clock.pause = calendar::ExclusionType::kExpertAssessment;
        if (walk.Do(t, walk.StepUnit(), stop_clock)) {
          paused = true;
          const Instant resume = t + (1 + Pick(4)) * kDay;
          if (resume > options.end) return true;
          if (!walk.Do(resume, walk.StepUnit(), Cmd(CommandKind::kResume))) return false;
          t = resume;
          continue;
        }
        walk.refusal.clear();
      }
      // Another agency's step: it answers before the dossier moves on.
      if (d.state == State::kProcessing && d.waiting_agency) {
        Command answer = Cmd(CommandKind::kAgencyAnswer);
        answer.reason = "Ý kiến của cơ quan phối hợp";
        if (!walk.Do(t, walk.StepUnit(), answer)) return false;
        continue;
      }
      // Issue where the workflow allows it, otherwise forward along the planned path.
      if (d.state == State::kProcessing) {
        if (walk.Do(t, walk.StepUnit(), Cmd(CommandKind::kIssue))) continue;
        walk.refusal.clear();
      }
      if (!walk.Do(t, walk.StepUnit(), Cmd(CommandKind::kForward))) return false;
    }
    return true;
  }

  catalog::Workflow w_keep_;
};

Result<std::vector<Candidate>> LoadCandidates(ReadTx& tx) {
  MOTCUA_ASSIGN_OR_RETURN(auto versions, tx.ListAllProcedureVersions());
  MOTCUA_ASSIGN_OR_RETURN(auto workflows, tx.ListWorkflows());
  std::vector<Candidate> out;
  for (auto& v : versions) {
    if (v.value.state != catalog::VersionState::kPublished) continue;
    Candidate c;
    c.version = v.value;
    for (const catalog::Workflow& w : workflows) {
      if (w.procedure_code == c.version.procedure.code && w.version == c.version.number &&
          !w.steps.empty()) {
        c.workflows.push_back(w);
      }
    }
    if (!c.workflows.empty()) out.push_back(std::move(c));
  }
  return out;
}

std::string RandomHex(std::mt19937_64& rng) {
  static const char kHex[] = "0123456789abcdef";
  std::string out(64, '0');
  for (char& ch : out) ch = kHex[rng() % 16];
  return out;
}

}  // namespace

Result<DemoSummary> GenerateDemo(Store& store, CalendarService& calendars,
                                 const DemoOptions& options,
                                 const std::function<void(std::int64_t, std::int64_t)>& progress) {
  if (options.dossiers <= 0) return Error::InvalidField("--dossiers", "must be at least 1");
  if (options.years <= 0 || options.years > 10) {
    return Error::InvalidField("--years", "must be 1 to 10");
  }
  if (options.days < 0 || options.days > 3650) {
    return Error::InvalidField("--days", "must be 1 to 3650");
  }
  std::vector<Candidate> candidates;
  std::vector<identity::Unit> all_units;
  std::map<std::string, std::int64_t> officers;
  MOTCUA_RETURN_IF_ERROR(store.Read([&](ReadTx& tx) -> Status {
    MOTCUA_ASSIGN_OR_RETURN(candidates, LoadCandidates(tx));
    MOTCUA_ASSIGN_OR_RETURN(all_units, tx.ListUnits());
    std::map<identity::UnitId, std::string> codes;
    for (const identity::Unit& u : all_units) codes[u.id] = u.code;
    Page page{0, 200};
    for (;;) {
      MOTCUA_ASSIGN_OR_RETURN(auto users, tx.ListUsers(std::nullopt, page));
      for (const identity::User& u : users) {
        if (u.roles.Has(Role::kCitizen) || !u.active) continue;
        officers.emplace(codes[u.unit_id], u.id);
      }
      if (static_cast<int>(users.size()) < page.limit) break;
      page.after = users.back().id;
    }
    return Ok();
  }));
  if (all_units.empty() || candidates.empty()) {
    return Error::FailedPrecondition(
        "no units or no published procedure with a workflow: run `motcua serve --demo` once "
        "(the demo province and catalog), or import a catalog");
  }
  MOTCUA_ASSIGN_OR_RETURN(auto national, calendars.ForUnit(std::nullopt));
  const DossierService::Units units(all_units);
  Generator g{candidates,         units,   officers,
              *national.second,   options, std::mt19937_64(options.seed),
              catalog::Workflow{}};
  const Instant start =
      options.end - (options.days > 0 ? static_cast<Instant>(options.days)
                                      : static_cast<Instant>(options.years) * 365) *
                        kDay;
  // The years' partitions (PostgreSQL) before their dossiers, so that none lands in the default
  // ones.
  MOTCUA_RETURN_IF_ERROR(store.Write([&](WriteTx& tx) -> Status {
    MOTCUA_RETURN_IF_ERROR(tx.PrepareYears(calendar::ToLocal(start).date.year,
                                           calendar::ToLocal(options.end).date.year));
    return Ok();
  }));
  const std::int64_t per_batch = std::max(1, options.batch);
  DemoSummary summary;
  std::int64_t made = 0;
  while (made < options.dossiers) {
    // Each dossier with its events and the visits of steps they complete.
    std::vector<std::tuple<StoredDossier, std::vector<Event>, std::vector<reports::StepVisit>>>
        batch;
    // Spread receptions evenly: each batch covers its share of the span, in order.
    const std::int64_t n = std::min(per_batch, options.dossiers - made);
    const Instant from = start + (options.end - start) * made / options.dossiers;
    const Instant until = start + (options.end - start) * (made + n) / options.dossiers;
    for (std::int64_t i = 0; i < n; ++i) {
      Walk* walk = nullptr;
      std::unique_ptr<Walk> holder;
      const Instant slot = from + (until - from) * i / std::max<std::int64_t>(n, 1);
      const bool ok = g.Make(slot, walk, holder);
      ++made;
      if (!ok || walk == nullptr || walk->events.empty()) {
        ++summary.skipped;
        if (summary.first_refusal.empty()) {
          summary.first_refusal = walk ? walk->refusal : "no workflow serves the channel";
        }
        continue;
      }
      const auto problems = dossier::CheckInvariants(walk->d, walk->events, nullptr);
      if (!problems.empty()) {
        ++summary.skipped;
        if (summary.first_refusal.empty()) summary.first_refusal = problems.front();
        continue;
      }
      StoredDossier stored;
      stored.value = walk->d;
      stored.secret_hash = RandomHex(g.rng);
      const Candidate* c = nullptr;
      for (const Candidate& k : candidates) {
        if (k.version.procedure.code == walk->d.procedure_code &&
            k.version.number == walk->d.procedure_version) {
          c = &k;
        }
      }
      auto times =
          dossier::ComputeTimes(walk->d, walk->events, c->version.procedure, *national.second,
                                std::max(options.end, walk->d.updated_at));
      if (!times) {
        ++summary.skipped;
        continue;
      }
      internal::FillRow(stored, *times);
      auto visits = reports::VisitsCompletedBy(walk->events, 0, *national.second);
      if (!visits) {
        ++summary.skipped;
        continue;
      }
      batch.emplace_back(std::move(stored), std::move(walk->events), std::move(*visits));
    }
    MOTCUA_RETURN_IF_ERROR(store.WriteBulk([&](WriteTx& tx) -> Status {
      for (auto& [stored, events, visits] : batch) {
        StoredDossier copy = stored;
        if (copy.value.received) {
          const calendar::CivilDate day = calendar::ToLocal(copy.value.received_at).date;
          MOTCUA_ASSIGN_OR_RETURN(auto seq, tx.NextDossierSequence(copy.value.receiving_unit, day));
          copy.value.code = dossier::FormatDossierCode({copy.value.receiving_unit, day, seq});
        }
        MOTCUA_RETURN_IF_ERROR(tx.InsertDossier(copy, events));
        MOTCUA_RETURN_IF_ERROR(tx.InsertStepVisits(copy.value.id, visits));
      }
      return Ok();
    }));
    for (const auto& [stored, events, visits] : batch) {
      ++summary.dossiers;
      summary.events += static_cast<std::int64_t>(events.size());
      ++summary.by_state[std::string(dossier::StateName(stored.value.state))];
    }
    if (progress) progress(made, options.dossiers);
  }
  return summary;
}

}  // namespace motcua::app
