// Catalog use cases over a real (temporary) SQLite store with the demo province: the version
// lifecycle, publication checks, search, import, hygiene, scope and workflow simulation.
#include "app/catalog_service.h"

#include <gtest/gtest.h>

#include <atomic>
#include <set>

#include "app/testing/service_fixture.h"
#include "catalog/test_util.h"

namespace motcua::app {
namespace {

using catalog::VersionState;
using catalog::testing::D;

constexpr char kJustice[] = "H99.02";  // Sở Tư pháp in the demo province

catalog::Procedure Proc(std::string code, std::string name, std::string unit = kJustice) {
  catalog::Procedure p = catalog::testing::MarriageRegistration();
  p.code = std::move(code);
  p.name = std::move(name);
  p.competent_units = {unit};
  p.receiving_units = {unit};
  return p;
}

catalog::Workflow Flow(const std::string& code, std::vector<double> hours = {2, 4, 58, 6, 8, 2},
                       const std::string& unit = kJustice) {
  catalog::Workflow w = catalog::testing::Chain(code, hours);
  for (auto& s : w.steps) s.performer.unit_code = unit;
  return w;
}

catalog::Decision Decision(std::string number, calendar::CivilDate date) {
  return {std::move(number), date};
}

CatalogItem PublishedItem(catalog::Procedure p, std::optional<catalog::Workflow> w,
                          calendar::CivilDate from = D(2025, 1, 1)) {
  CatalogItem item{catalog::testing::PublishedVersion(std::move(p), from), {}};
  if (w) item.workflows.push_back(std::move(*w));
  return item;
}

std::set<std::string> FieldsOf(const Error& e) {
  std::set<std::string> out;
  for (const auto& f : e.fields) out.insert(f.field);
  return out;
}

class CatalogServiceTest : public testing::ServiceFixture {
 protected:
  CatalogServiceTest() : ServiceFixture(1'770'000'000) {}  // 2026-02-02

  void SetUp() override {
    ServiceFixture::SetUp();
    identity::User dept_admin;
    dept_admin.username = "admin.tuphap";
    dept_admin.full_name = "Quản trị Sở Tư pháp";
    dept_admin.unit_id = UnitId(kJustice);
    dept_admin.roles = {identity::Role::kAdministrator};
    ASSERT_TRUE(identity_->CreateUser(Actor::System(), dept_admin, "mat-khau-dai-1").ok());
  }
  std::vector<std::string> AuditActions() {
    std::vector<std::string> out;
    EXPECT_TRUE(store_
                    ->Read([&](ReadTx& tx) -> Status {
                      MOTCUA_ASSIGN_OR_RETURN(auto log, tx.ListAudit({0, 1000}));
                      for (const auto& r : log) {
                        if (r.object_type != "unit" && r.object_type != "user") {
                          out.push_back(r.action + " " + r.object_id);
                        }
                      }
                      return Ok();
                    })
                    .ok());
    return out;
  }

  // Creates and publishes version 1 of `p` (with `w` when given), effective `from`.
  StoredProcedureVersion PublishNew(catalog::Procedure p, std::optional<catalog::Workflow> w = {},
                                    calendar::CivilDate from = D(2025, 1, 1)) {
    const Actor admin = As("admin");
    auto draft = catalog_->CreateDraft(admin, p);
    EXPECT_TRUE(draft.ok()) << ToString(draft.error());
    std::int64_t row = draft->row_version;
    if (w) {
      auto put = catalog_->PutWorkflows(admin, p.code, draft->value.number, row, {*w});
      EXPECT_TRUE(put.ok()) << ToString(put.error());
      row = put->row_version;
    }
    auto published =
        catalog_->Publish(admin, p.code, draft->value.number, row, Decision("1/QĐ-UBND", from));
    EXPECT_TRUE(published.ok()) << ToString(published.error());
    return *published;
  }
};

TEST_F(CatalogServiceTest, VersionLifecycleEndToEnd) {
  const Actor admin = As("admin");
  auto draft = catalog_->CreateDraft(admin, Proc("1.000894", "Đăng ký kết hôn"));
  ASSERT_TRUE(draft.ok()) << ToString(draft.error());
  EXPECT_EQ(draft->value.number, 1);
  EXPECT_EQ(draft->value.state, VersionState::kDraft);

  catalog::Procedure edited = draft->value.procedure;
  edited.requirements = "Nam từ đủ 20 tuổi, nữ từ đủ 18 tuổi";
  auto stale = catalog_->EditDraft(admin, "1.000894", 1, draft->row_version + 1, edited);
  EXPECT_EQ(stale.error().reason, "version-conflict");
  auto v1 = catalog_->EditDraft(admin, "1.000894", 1, draft->row_version, edited);
  ASSERT_TRUE(v1.ok()) << ToString(v1.error());
  EXPECT_FALSE(catalog_->InForce("1.000894", std::nullopt).ok());  // a draft is not in force

  auto published = catalog_->Publish(admin, "1.000894", 1, v1->row_version,
                                     Decision("100/QĐ-UBND", D(2025, 1, 1)));
  ASSERT_TRUE(published.ok()) << ToString(published.error());
  // Published versions never change.
  auto frozen = catalog_->EditDraft(admin, "1.000894", 1, published->row_version, edited);
  ASSERT_FALSE(frozen.ok());
  EXPECT_EQ(frozen.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_EQ(frozen.error().reason, "version-state");

  // A change is a new version, started from the published one.
  auto v2 = catalog_->CreateDraft(admin, Proc("1.000894", "Đăng ký kết hôn (sửa đổi)"));
  ASSERT_TRUE(v2.ok()) << ToString(v2.error());
  EXPECT_EQ(v2->value.number, 2);
  EXPECT_EQ(catalog_->CreateDraft(admin, Proc("1.000894", "x")).error().reason, "draft-exists");
  ASSERT_TRUE(
      catalog_
          ->Publish(admin, "1.000894", 2, v2->row_version, Decision("200/QĐ-UBND", D(2026, 3, 1)))
          .ok());
  auto amended = catalog_->End(admin, "1.000894", 1, published->row_version, EndKind::kAmend,
                               Decision("200/QĐ-UBND", D(2026, 3, 1)));
  ASSERT_TRUE(amended.ok()) << ToString(amended.error());
  EXPECT_EQ(amended->value.state, VersionState::kAmended);

  EXPECT_EQ(catalog_->InForce("1.000894", D(2026, 2, 28))->value.number, 1);
  EXPECT_EQ(catalog_->InForce("1.000894", D(2026, 3, 1))->value.number, 2);
  EXPECT_EQ(catalog_->InForce("1.000894", D(2024, 12, 31)).error().code, ErrorCode::kNotFound);
  CatalogQuery on_march_first;
  on_march_first.in_force_on = D(2026, 3, 1);
  auto listed = catalog_->List(on_march_first);
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ((*listed)[0].name, "Đăng ký kết hôn (sửa đổi)");
  EXPECT_EQ(catalog_->Version("1.000894", 1, false)->value.procedure.requirements,
            edited.requirements);
  EXPECT_EQ(catalog_->Versions("1.000894", false)->size(), 2u);
  EXPECT_EQ(AuditActions(), (std::vector<std::string>{
                                "procedure.draft.create 1.000894/1",
                                "procedure.draft.edit 1.000894/1",
                                "procedure.publish 1.000894/1",
                                "procedure.draft.create 1.000894/2",
                                "procedure.publish 1.000894/2",
                                "procedure.amend 1.000894/1",
                            }));
}

TEST_F(CatalogServiceTest, DraftsAreHiddenFromThePublic) {
  const Actor admin = As("admin");
  ASSERT_TRUE(catalog_->CreateDraft(admin, Proc("1.000894", "Đăng ký kết hôn")).ok());
  EXPECT_EQ(catalog_->Version("1.000894", 1, false).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(catalog_->Versions("1.000894", false).error().code, ErrorCode::kNotFound);
  EXPECT_TRUE(catalog_->Version("1.000894", 1, true).ok());
  EXPECT_EQ(catalog_->CreateDraft(admin, Proc("1.0008", "x")).error().fields[0].field, "code");
}

TEST_F(CatalogServiceTest, PublishingValidatesTheProcedureAndItsWorkflow) {
  const Actor admin = As("admin");
  catalog::Procedure p = Proc("1.000894", "Đăng ký kết hôn");
  p.outcomes.clear();
  auto draft = catalog_->CreateDraft(admin, p);
  ASSERT_TRUE(draft.ok());
  auto invalid =
      catalog_->Publish(admin, "1.000894", 1, draft->row_version, Decision("1/QĐ", D(2025, 1, 1)));
  ASSERT_FALSE(invalid.ok());
  EXPECT_EQ(invalid.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_EQ(invalid.error().reason, "invalid-procedure");
  EXPECT_TRUE(FieldsOf(invalid.error()).contains("outcomes"));

  p.outcomes.push_back({"", "Giấy chứng nhận kết hôn"});
  auto fixed = catalog_->EditDraft(admin, "1.000894", 1, draft->row_version, p);
  ASSERT_TRUE(fixed.ok());
  // 79 hours for a 10-working-day (80 h) procedure: the budget does not add up.
  auto flow = catalog_->PutWorkflows(admin, "1.000894", 1, fixed->row_version,
                                     {Flow("1.000894", {2, 4, 57, 6, 8, 2})});
  ASSERT_TRUE(flow.ok()) << ToString(flow.error());
  EXPECT_EQ(flow->row_version, fixed->row_version + 1);
  auto blocked =
      catalog_->Publish(admin, "1.000894", 1, flow->row_version, Decision("1/QĐ", D(2025, 1, 1)));
  ASSERT_FALSE(blocked.ok());
  EXPECT_EQ(blocked.error().reason, "invalid-workflow");
  EXPECT_TRUE(FieldsOf(blocked.error()).contains("workflows[0].channels.in-person.time"))
      << ToString(blocked.error());

  // A structurally broken workflow is refused outright, naming the step.
  catalog::Workflow broken = Flow("1.000894");
  broken.steps[1].next = {"nowhere"};
  auto refused = catalog_->PutWorkflows(admin, "1.000894", 1, flow->row_version, {broken});
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kInvalidArgument);
  EXPECT_TRUE(FieldsOf(refused.error()).contains("workflows[0].steps[1].next[0]"))
      << ToString(refused.error());

  auto good = catalog_->PutWorkflows(admin, "1.000894", 1, flow->row_version, {Flow("1.000894")});
  ASSERT_TRUE(good.ok());
  auto published =
      catalog_->Publish(admin, "1.000894", 1, good->row_version, Decision("1/QĐ", D(2025, 1, 1)));
  ASSERT_TRUE(published.ok()) << ToString(published.error());
  auto late =
      catalog_->PutWorkflows(admin, "1.000894", 1, published->row_version, {Flow("1.000894")});
  EXPECT_EQ(late.error().code, ErrorCode::kFailedPrecondition);
}

TEST_F(CatalogServiceTest, SearchIgnoresMarksAndFoldsDAndRanks) {
  PublishNew(Proc("1.000894", "Đăng ký kết hôn"));
  PublishNew(Proc("1.000895", "Đăng ký lại kết hôn"));
  PublishNew(Proc("1.000896", "Đăng ký khai sinh"));
  PublishNew(Proc("1.000897", "Cấp bản sao trích lục kết hôn"));
  auto codes = [&](const std::string& q) {
    std::vector<std::string> out;
    auto found = catalog_->Search(q, {});
    EXPECT_TRUE(found.ok()) << q;
    if (found.ok()) {
      for (const auto& r : *found) out.push_back(r.procedure.code);
    }
    return out;
  };
  const std::vector<std::string> marriage = {"1.000894", "1.000895"};
  EXPECT_EQ(codes("dang ky ket hon"), marriage);
  EXPECT_EQ(codes("Đăng ký kết hôn"), marriage);
  EXPECT_EQ(codes("đăng ký KẾT HÔN"), marriage);
  EXPECT_EQ(codes("ket hon"), (std::vector<std::string>{"1.000894", "1.000895", "1.000897"}));
  EXPECT_EQ(codes("1.000896"), (std::vector<std::string>{"1.000896"}));
  auto ranked = catalog_->Search("dang ky ket hon", {});
  EXPECT_EQ((*ranked)[0].tier, catalog::MatchTier::kNamePhrase);
  EXPECT_EQ((*ranked)[1].tier, catalog::MatchTier::kNameWords);
  EXPECT_EQ(catalog_->Search("  ,, ", {}).error().fields[0].field, "q");
}

TEST_F(CatalogServiceTest, ImportReportsEveryBadRowAndAppliesNothing) {
  catalog::Procedure bad_code = Proc("1.0008", "Mã sai");
  catalog::Workflow foreign = Flow("1.000999");
  std::vector<CatalogItem> items = {
      PublishedItem(Proc("1.000894", "Đăng ký kết hôn"), Flow("1.000894")),
      PublishedItem(bad_code, std::nullopt),
      PublishedItem(Proc("1.000894", "Đăng ký kết hôn (trùng)"), std::nullopt),
      PublishedItem(Proc("1.000896", "Đăng ký khai sinh"), foreign),
  };
  auto refused = catalog_->ImportCatalog(Actor::System(), items);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().reason, "import");
  EXPECT_EQ(FieldsOf(refused.error()),
            (std::set<std::string>{"items[1].code", "items[2].number",
                                   "items[3].workflows[0].procedure_code"}))
      << ToString(refused.error());
  EXPECT_TRUE(catalog_->ExportCatalog(Actor::System())->empty());

  items.erase(items.begin() + 1, items.end());
  items.push_back(PublishedItem(Proc("1.000896", "Đăng ký khai sinh"), Flow("1.000896")));
  auto imported = catalog_->ImportCatalog(Actor::System(), items);
  ASSERT_TRUE(imported.ok()) << ToString(imported.error());
  EXPECT_EQ(*imported, 2);
  imported = catalog_->ImportCatalog(Actor::System(), items);
  ASSERT_TRUE(imported.ok()) << ToString(imported.error());
  EXPECT_EQ(*imported, 0);  // idempotent
  EXPECT_EQ(catalog_->ExportCatalog(Actor::System())->size(), 2u);

  // A stored version with other content is a conflict found inside the transaction: nothing of
  // the import is applied, not even its valid new rows.
  std::vector<CatalogItem> conflicting = {
      PublishedItem(Proc("1.000897", "Trích lục kết hôn"), std::nullopt),
      PublishedItem(Proc("1.000894", "Đăng ký kết hôn (khác)"), std::nullopt)};
  auto conflict = catalog_->ImportCatalog(Actor::System(), conflicting);
  ASSERT_FALSE(conflict.ok());
  EXPECT_EQ(FieldsOf(conflict.error()), (std::set<std::string>{"items[1].number"}));
  EXPECT_EQ(catalog_->ExportCatalog(Actor::System())->size(), 2u);
  // Number 0: the next version of the code.
  conflicting[1].version.number = 0;
  conflicting[1].version.state = VersionState::kDraft;
  conflicting[1].version.published.reset();
  imported = catalog_->ImportCatalog(Actor::System(), conflicting);
  ASSERT_TRUE(imported.ok()) << ToString(imported.error());
  EXPECT_EQ(*imported, 2);
  EXPECT_EQ(catalog_->Version("1.000894", 2, true)->value.state, VersionState::kDraft);
  // Import is the whole catalog's business: a department's administrator may not.
  EXPECT_EQ(catalog_->ImportCatalog(As("admin.tuphap"), {}).error().code,
            ErrorCode::kPermissionDenied);
}

TEST_F(CatalogServiceTest, HygieneFindsEachSeededDefect) {
  catalog::Procedure orphan = Proc("1.000001", "Thủ tục không có cơ quan");
  orphan.competent_units.clear();
  CatalogItem expired = PublishedItem(Proc("1.000002", "Thủ tục thí điểm"), Flow("1.000002"));
  expired.version.expires = D(2025, 12, 31);
  CatalogItem doubtful =
      PublishedItem(Proc("1.000003", "Cấp phiếu lý lịch tư pháp"), Flow("1.000003"));
  doubtful.version.import_notes.push_back(
      {"channels.online.fees[0]", catalog::Confidence::kDoubtful, "50", "read as 50.000 đồng"});
  std::vector<CatalogItem> items = {
      PublishedItem(orphan, Flow("1.000001")),
      expired,
      doubtful,
      PublishedItem(Proc("1.000004", "Đăng ký kết hôn"), Flow("1.000004", {2, 4, 50, 6, 8, 2})),
      PublishedItem(Proc("1.000005", "Đăng ký kết hôn"), std::nullopt),
  };
  ASSERT_TRUE(catalog_->ImportCatalog(Actor::System(), items).ok());
  auto findings = catalog_->Hygiene(As("admin"));
  ASSERT_TRUE(findings.ok()) << ToString(findings.error());
  std::set<std::string> seen;
  for (const auto& f : *findings) {
    seen.insert(std::string(catalog::FindingKindName(f.kind)) + " " + f.procedure_code);
  }
  EXPECT_EQ(seen, (std::set<std::string>{"no-competent-unit 1.000001", "expired-in-force 1.000002",
                                         "import-doubtful 1.000003", "budget-mismatch 1.000004",
                                         "duplicate 1.000004", "no-workflow 1.000005"}));
  auto with_forms = catalog_->Hygiene(Actor::System(), std::nullopt, std::set<std::string>{});
  EXPECT_GT(with_forms->size(), findings->size());  // "TK-KH" is not a known form
  EXPECT_EQ(catalog_->Hygiene(As("admin.tuphap")).error().code, ErrorCode::kPermissionDenied);
}

TEST_F(CatalogServiceTest, DepartmentAdministratorsEditOnlyTheirProcedures) {
  const Actor dept = As("admin.tuphap");
  EXPECT_TRUE(catalog_->CreateDraft(dept, Proc("1.000894", "Đăng ký kết hôn")).ok());
  EXPECT_EQ(catalog_->CreateDraft(dept, Proc("1.000100", "Đăng ký đất đai", "H99.03")).error().code,
            ErrorCode::kNotFound);
  auto land = catalog_->CreateDraft(As("admin"), Proc("1.000100", "Đăng ký đất đai", "H99.03"));
  ASSERT_TRUE(land.ok());
  EXPECT_EQ(catalog_
                ->EditDraft(dept, "1.000100", 1, land->row_version,
                            Proc("1.000100", "Đăng ký đất đai", kJustice))
                .error()
                .code,
            ErrorCode::kNotFound);
}

TEST_F(CatalogServiceTest, SimulationPlansOnTheCompetentUnitsCalendar) {
  PublishNew(Proc("1.000894", "Đăng ký kết hôn"), Flow("1.000894"));
  const Instant received = *calendar::ParseLocalDateTime("2026-02-09 09:00");  // a Monday
  auto answer = catalog_->Simulate("1.000894", 1, false, received, catalog::Channel::kOnline);
  ASSERT_TRUE(answer.ok()) << ToString(answer.error());
  EXPECT_EQ(answer->unit_code, kJustice);
  EXPECT_EQ(answer->calendar.code, kNationalCalendarCode);  // inherited from the province root
  EXPECT_EQ(answer->plan.steps.size(), 6u);
  ASSERT_TRUE(answer->plan.legal_due.has_value());
  EXPECT_EQ(answer->plan.due, *answer->plan.legal_due);
  EXPECT_TRUE(answer->plan.within_legal);
  EXPECT_EQ(catalog_->Simulate("1.000894", 1, false, received, catalog::Channel::kPostal)
                .error()
                .fields[0]
                .field,
            "channel");
}

}  // namespace
}  // namespace motcua::app
