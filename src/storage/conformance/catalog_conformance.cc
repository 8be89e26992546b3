// The catalog's repositories (migration 3) on every back end: versions round-trip whole, one
// draft per code, optimistic versions, the in-force list and the search prefilter give the same
// rows everywhere, workflows are replaced whole.
#include "catalog/fold.h"
#include "catalog/test_util.h"
#include "storage/conformance/conformance.h"

namespace motcua::storage::conformance {
namespace {

using app::StoredProcedureVersion;
using catalog::testing::D;
using catalog::testing::MarriageRegistration;

void ExpectRead(app::Store& store, const std::function<Status(app::ReadTx&)>& work) {
  Status s = store.Read(work);
  EXPECT_TRUE(s.ok()) << ToString(s.error());
}

StoredProcedureVersion Draft(catalog::Procedure p, int number = 1) {
  StoredProcedureVersion s;
  s.value = catalog::NewDraft(std::move(p));
  s.value.number = number;
  return s;
}

StoredProcedureVersion Published(catalog::Procedure p, calendar::CivilDate from, int number = 1) {
  StoredProcedureVersion s;
  s.value = catalog::testing::PublishedVersion(std::move(p), from);
  s.value.number = number;
  return s;
}

catalog::Procedure Named(std::string code, std::string name, std::string field,
                         catalog::Level level = catalog::Level::kCommune) {
  catalog::Procedure p = MarriageRegistration();
  p.code = std::move(code);
  p.name = std::move(name);
  p.field = std::move(field);
  p.level = level;
  return p;
}

Status Insert(app::Store& store, std::vector<StoredProcedureVersion> versions) {
  return store.Write([&](app::WriteTx& tx) -> Status {
    for (auto& v : versions) MOTCUA_RETURN_IF_ERROR(tx.InsertProcedureVersion(v));
    return Ok();
  });
}

std::vector<std::string> Codes(const std::vector<app::ProcedureSummary>& rows) {
  std::vector<std::string> out;
  for (const auto& r : rows) out.push_back(r.code + "/" + std::to_string(r.number));
  return out;
}

TEST_P(StoreConformance, ProcedureVersionsRoundTripWhole) {
  catalog::Procedure p = MarriageRegistration();
  p.legal_basis[0].date = D(2014, 11, 20);
  p.channels.push_back({catalog::Channel::kPostal, catalog::LegalTime::CalendarDays(15), {}, "BC"});
  p.channels.back().fees.push_back({catalog::FeeType::kCharge, std::nullopt, "Theo bưu điện"});
  p.channels[0].time.text = "05 ngày làm việc";
  p.cutoff = calendar::ReceptionCutoff::Decree297();
  p.supplement_mode = catalog::SupplementMode::kRestart;
  p.subjects = {"Công dân Việt Nam"};
  p.location_independent = true;
  StoredProcedureVersion v = Draft(p);
  v.value.expires = D(2027, 12, 31);
  v.value.import_notes.push_back(
      {"channels.in-person.fees[0]", catalog::Confidence::kDoubtful, "50", "read as 50.000 đồng"});
  ASSERT_TRUE(Insert(store(), {v}).ok());
  ExpectRead(store(), [&](app::ReadTx& tx) -> Status {
    auto got = tx.FindProcedureVersion(p.code, 1);
    EXPECT_TRUE(got.ok() && got->has_value());
    if (got.ok() && *got) {
      EXPECT_EQ((*got)->value, v.value);
      EXPECT_EQ((*got)->row_version, 1);
    }
    EXPECT_FALSE(tx.FindProcedureVersion(p.code, 2)->has_value());
    return Ok();
  });
}

TEST_P(StoreConformance, OneDraftPerCodeAndStaleRowVersionsConflict) {
  catalog::Procedure p = MarriageRegistration();
  StoredProcedureVersion v1 = Draft(p);
  ASSERT_TRUE(Insert(store(), {v1}).ok());
  Status second = Insert(store(), {Draft(p, 2)});
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.error().code, ErrorCode::kAlreadyExists);
  EXPECT_EQ(Insert(store(), {Draft(p, 1)}).error().code, ErrorCode::kAlreadyExists);

  StoredProcedureVersion stale = v1;
  v1.value.state = catalog::VersionState::kPublished;
  v1.value.published = catalog::Decision{"12/QĐ-UBND", D(2026, 1, 1)};
  ASSERT_TRUE(store().Write([&](app::WriteTx& tx) { return tx.UpdateProcedureVersion(v1); }).ok());
  EXPECT_EQ(v1.row_version, 2);
  Status conflict =
      store().Write([&](app::WriteTx& tx) { return tx.UpdateProcedureVersion(stale); });
  ASSERT_FALSE(conflict.ok());
  EXPECT_EQ(conflict.error().code, ErrorCode::kAborted);
  EXPECT_EQ(conflict.error().reason, "version-conflict");
  StoredProcedureVersion missing = Draft(Named("1.999999", "x", "y"));
  EXPECT_EQ(store()
                .Write([&](app::WriteTx& tx) { return tx.UpdateProcedureVersion(missing); })
                .error()
                .code,
            ErrorCode::kNotFound);
  // Published, the code may have a new draft.
  ASSERT_TRUE(Insert(store(), {Draft(p, 2)}).ok());
  ExpectRead(store(), [&](app::ReadTx& tx) -> Status {
    auto all = *tx.ListProcedureVersions(p.code);
    EXPECT_EQ(all.size(), 2u);
    EXPECT_EQ(all[0].value.state, catalog::VersionState::kPublished);
    EXPECT_EQ(all[1].value.state, catalog::VersionState::kDraft);
    EXPECT_EQ(tx.ListAllProcedureVersions()->size(), 2u);
    return Ok();
  });
}

TEST_P(StoreConformance, InForceListFiltersAndPaginates) {
  StoredProcedureVersion old =
      Published(Named("1.000001", "Cấp giấy phép xây dựng", "Xây dựng", catalog::Level::kProvince),
                D(2024, 1, 1));
  old.value.state = catalog::VersionState::kAmended;
  old.value.ended = catalog::Decision{"9/QĐ-UBND", D(2026, 3, 1)};
  StoredProcedureVersion amended = Published(
      Named("1.000001", "Cấp giấy phép xây dựng mới", "Xây dựng", catalog::Level::kProvince),
      D(2026, 3, 1), 2);
  ASSERT_TRUE(
      Insert(store(), {old, amended,
                       Published(Named("1.000002", "Đăng ký kết hôn", "Hộ tịch"), D(2025, 1, 1)),
                       Published(Named("1.000003", "Đăng ký khai sinh", "Hộ tịch"), D(2026, 6, 1)),
                       Draft(Named("1.000004", "Đăng ký khai tử", "Hộ tịch"))})
          .ok());
  ExpectRead(store(), [&](app::ReadTx& tx) -> Status {
    app::ProcedureFilter f;
    f.day = D(2026, 2, 28);
    EXPECT_EQ(Codes(*tx.ListProceduresInForce(f)),
              (std::vector<std::string>{"1.000001/1", "1.000002/1"}));
    f.day = D(2026, 6, 1);
    EXPECT_EQ(Codes(*tx.ListProceduresInForce(f)),
              (std::vector<std::string>{"1.000001/2", "1.000002/1", "1.000003/1"}));
    f.field_index = catalog::IndexText("ho tich");
    EXPECT_EQ(Codes(*tx.ListProceduresInForce(f)),
              (std::vector<std::string>{"1.000002/1", "1.000003/1"}));
    f.field_index.reset();
    f.level = catalog::Level::kProvince;
    EXPECT_EQ(Codes(*tx.ListProceduresInForce(f)), (std::vector<std::string>{"1.000001/2"}));
    f.level.reset();
    f.limit = 1;
    f.after_code = "1.000001";
    auto page = *tx.ListProceduresInForce(f);
    EXPECT_EQ(Codes(page), (std::vector<std::string>{"1.000002/1"}));
    EXPECT_EQ(page[0].name, "Đăng ký kết hôn");
    EXPECT_EQ(page[0].search.name_index, " dang ky ket hon ");
    EXPECT_EQ(page[0].published->number, "100/QĐ-UBND");
    return Ok();
  });
}

TEST_P(StoreConformance, SearchPrefilterFoldsTheSameOnEveryBackEnd) {
  ASSERT_TRUE(
      Insert(store(),
             {Published(Named("1.000894", "Đăng ký kết hôn", "Hộ tịch"), D(2025, 1, 1)),
              Published(Named("1.000895", "Đăng ký lại kết hôn", "Hộ tịch"), D(2025, 1, 1)),
              Published(Named("1.000896", "Cấp bản sao trích lục", "Hộ tịch"), D(2025, 1, 1)),
              Published(Named("2.000001", "Đăng ký doanh nghiệp", "Đăng ký kinh doanh"),
                        D(2025, 1, 1))})
          .ok());
  auto search = [&](std::string_view text) {
    const catalog::SearchQuery q = catalog::MakeQuery(text);
    app::ProcedureSearch s;
    s.filter.day = D(2026, 1, 1);
    s.code = q.code;
    s.words = q.words;
    std::vector<std::string> out;
    EXPECT_TRUE(store()
                    .Read([&](app::ReadTx& tx) -> Status {
                      MOTCUA_ASSIGN_OR_RETURN(auto rows, tx.SearchProcedures(s));
                      out = Codes(rows);
                      return Ok();
                    })
                    .ok());
    return out;
  };
  const std::vector<std::string> marriage = {"1.000894/1", "1.000895/1"};
  EXPECT_EQ(search("dang ky ket hon"), marriage);
  EXPECT_EQ(search("Đăng ký kết hôn"), marriage);
  EXPECT_EQ(search("ĐĂNG KÝ KẾT HÔN"), marriage);
  EXPECT_EQ(search("kết"), marriage);
  EXPECT_EQ(search("ket hon dang"), marriage);  // words in any order; ranking is the caller's
  EXPECT_EQ(search("ho tich sao"), (std::vector<std::string>{"1.000896/1"}));  // name + field
  EXPECT_EQ(search("dang ky kinh doanh doanh nghiep"),  // more words than slots: a superset
            (std::vector<std::string>{"2.000001/1"}));
  EXPECT_EQ(search("1.000896"), (std::vector<std::string>{"1.000896/1"}));
  EXPECT_TRUE(search("ke").empty());  // whole words only
}

// The drafts (migration 12): newest edit first, then code, keyset-paginated; scoped in SQL to the
// drafts whose every competent unit lies in a subtree.
TEST_P(StoreConformance, DraftsAreListedNewestEditFirstWithinTheirUnitsScope) {
  auto unit = [&](std::string code, std::optional<identity::UnitId> parent) {
    identity::Unit u;
    u.code = std::move(code);
    u.name = "Đơn vị " + u.code;
    u.kind = parent ? identity::UnitKind::kDepartment : identity::UnitKind::kProvince;
    u.parent_id = parent;
    EXPECT_TRUE(store().Write([&](app::WriteTx& tx) { return tx.InsertUnit(u); }).ok());
    return u;
  };
  const identity::Unit root = unit("H38", std::nullopt);
  const identity::Unit justice = unit("H38.02", root.id);
  const identity::Unit civil = unit("H38.02.01", justice.id);
  const identity::Unit land = unit("H38.05", root.id);
  auto draft = [&](std::string code, std::vector<std::string> units, Instant edited) {
    catalog::Procedure p = Named(std::move(code), "Thủ tục nháp", "Hộ tịch");
    p.competent_units = std::move(units);
    StoredProcedureVersion s = Draft(std::move(p));
    s.edited_at = edited;
    return s;
  };
  ASSERT_TRUE(
      Insert(store(),
             {draft("1.000901", {"H38.02"}, 300), draft("1.000902", {"H38.02.01"}, 500),
              draft("1.000903", {"H38.02", "H38.05"}, 400), draft("1.000904", {"H38.05"}, 300),
              draft("1.000905", {}, 100), draft("1.000906", {"H38.77"}, 200),
              draft("1.000907", {"H38.02.01", "H38.02"}, 300),
              Published(Named("1.000908", "Đã công bố", "Hộ tịch"), D(2025, 1, 1))})
          .ok());
  auto list = [&](app::DraftQuery q) {
    std::vector<std::string> codes;
    ExpectRead(store(), [&](app::ReadTx& tx) -> Status {
      MOTCUA_ASSIGN_OR_RETURN(auto rows, tx.ListDrafts(q));
      for (const auto& r : rows) codes.push_back(r.value.code());
      return Ok();
    });
    return codes;
  };
  app::DraftQuery q;
  EXPECT_EQ(list(q), (std::vector<std::string>{"1.000902", "1.000903", "1.000901", "1.000904",
                                               "1.000907", "1.000906", "1.000905"}));
  q.scope_root = justice.id;
  EXPECT_EQ(list(q), (std::vector<std::string>{"1.000902", "1.000901", "1.000907"}));
  q.scope_root = civil.id;
  EXPECT_EQ(list(q), std::vector<std::string>{"1.000902"});
  q.scope_root = land.id;
  EXPECT_EQ(list(q), std::vector<std::string>{"1.000904"});
  // Pages of two: after (300, "1.000901") come the others edited at 300 by code, then older.
  q = app::DraftQuery{};
  q.limit = 2;
  q.after_edited_at = 300;
  q.after_code = "1.000901";
  EXPECT_EQ(list(q), (std::vector<std::string>{"1.000904", "1.000907"}));
  // An edit moves a draft to the top and keeps its time.
  StoredProcedureVersion edited = draft("1.000905", {"H38.02"}, 900);
  ASSERT_TRUE(
      store().Write([&](app::WriteTx& tx) { return tx.UpdateProcedureVersion(edited); }).ok());
  q = app::DraftQuery{};
  q.limit = 1;
  EXPECT_EQ(list(q), std::vector<std::string>{"1.000905"});
  ExpectRead(store(), [&](app::ReadTx& tx) -> Status {
    MOTCUA_ASSIGN_OR_RETURN(auto found, tx.FindProcedureVersion("1.000905", 1));
    EXPECT_TRUE(found && found->edited_at == 900);
    return Ok();
  });
}

TEST_P(StoreConformance, WorkflowsAreReplacedWhole) {
  ASSERT_TRUE(Insert(store(), {Draft(MarriageRegistration())}).ok());
  catalog::Workflow online = catalog::testing::TenDayWorkflow();
  online.channels = {catalog::Channel::kOnline};
  online.steps[2].back = {"s1"};
  catalog::Workflow counter = catalog::testing::Chain("1.000894", {40, 40});
  counter.channels = {catalog::Channel::kInPerson, catalog::Channel::kPostal};
  auto put = [&](std::vector<catalog::Workflow> list) {
    return store().Write([&](app::WriteTx& tx) { return tx.PutWorkflows("1.000894", 1, list); });
  };
  ASSERT_TRUE(put({online, counter}).ok());
  ExpectRead(store(), [&](app::ReadTx& tx) -> Status {
    EXPECT_EQ(*tx.ListWorkflowsOf("1.000894", 1),
              (std::vector<catalog::Workflow>{online, counter}));
    return Ok();
  });
  ASSERT_TRUE(put({counter}).ok());
  ExpectRead(store(), [&](app::ReadTx& tx) -> Status {
    EXPECT_EQ(*tx.ListWorkflowsOf("1.000894", 1), (std::vector<catalog::Workflow>{counter}));
    EXPECT_TRUE(tx.ListWorkflowsOf("1.000894", 2)->empty());
    EXPECT_EQ(tx.ListWorkflows()->size(), 1u);
    return Ok();
  });
  Status orphan = store().Write([&](app::WriteTx& tx) {
    return tx.PutWorkflows("1.000999", 1, {catalog::testing::Chain("1.000999", {80})});
  });
  ASSERT_FALSE(orphan.ok());
  EXPECT_EQ(orphan.error().code, ErrorCode::kFailedPrecondition);
}

}  // namespace
}  // namespace motcua::storage::conformance
