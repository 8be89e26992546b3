#include "catalog_io/xlsx_writer.h"

#include <unistd.h>
#include <xlsxwriter.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace motcua::catalog_io {

struct XlsxWriter::State {
  std::string path;
  lxw_workbook* workbook = nullptr;
  lxw_format* header = nullptr;
  lxw_format* text = nullptr;
  lxw_format* other = nullptr;
  lxw_worksheet* sheet = nullptr;
  std::size_t columns = 0;
  int last_row = 1;
  std::string failure;

  // Closes the current sheet: an autofilter over the rows written.
  void EndSheet() {
    if (sheet != nullptr && columns > 0) {
      worksheet_autofilter(sheet, 0, 0, static_cast<lxw_row_t>(last_row - 1),
                           static_cast<lxw_col_t>(columns - 1));
    }
    sheet = nullptr;
  }

  ~State() {
    if (workbook != nullptr) workbook_close(workbook);  // frees it; the file is discarded below
    if (!path.empty()) std::filesystem::remove(path);
  }
};

XlsxWriter::XlsxWriter(std::unique_ptr<State> state) : state_(std::move(state)) {}
XlsxWriter::~XlsxWriter() = default;

Result<std::unique_ptr<XlsxWriter>> XlsxWriter::Create() {
  auto state = std::make_unique<State>();
  std::error_code ec;
  std::string pattern = (std::filesystem::temp_directory_path(ec) / "motcua-xlsx-XXXXXX").string();
  if (ec) pattern = "/tmp/motcua-xlsx-XXXXXX";
  const int fd = mkstemp(pattern.data());
  if (fd < 0) return Error::Internal("cannot create a temporary file for the workbook");
  close(fd);
  state->path = pattern;
  state->workbook = workbook_new(state->path.c_str());
  if (state->workbook == nullptr) return Error::Internal("cannot start a workbook");
  state->header = workbook_add_format(state->workbook);
  format_set_bold(state->header);
  format_set_text_wrap(state->header);
  format_set_align(state->header, LXW_ALIGN_VERTICAL_TOP);
  state->text = workbook_add_format(state->workbook);
  format_set_num_format(state->text, "@");
  format_set_text_wrap(state->text);
  format_set_align(state->text, LXW_ALIGN_VERTICAL_TOP);
  state->other = workbook_add_format(state->workbook);
  format_set_align(state->other, LXW_ALIGN_VERTICAL_TOP);
  return std::unique_ptr<XlsxWriter>(new XlsxWriter(std::move(state)));
}

Status XlsxWriter::AddSheet(std::string_view name, const std::vector<Column>& columns) {
  State& s = *state_;
  s.EndSheet();
  s.sheet = workbook_add_worksheet(s.workbook, std::string(name).c_str());
  if (s.sheet == nullptr) return Error::Internal("cannot add sheet " + std::string(name));
  s.columns = columns.size();
  s.last_row = 1;
  for (std::size_t c = 0; c < columns.size(); ++c) {
    const auto col = static_cast<lxw_col_t>(c);
    worksheet_set_column(s.sheet, col, col, columns[c].width, columns[c].text ? s.text : s.other);
    worksheet_write_string(s.sheet, 0, col, columns[c].header.c_str(), s.header);
  }
  worksheet_freeze_panes(s.sheet, 1, 0);
  return Ok();
}

Status XlsxWriter::Text(int row, std::size_t column, std::string_view text) {
  State& s = *state_;
  if (s.sheet == nullptr || row < 2) return Error::Internal("a cell outside a sheet's rows");
  if (text.empty()) return Ok();
  const lxw_error e =
      worksheet_write_string(s.sheet, static_cast<lxw_row_t>(row - 1),
                             static_cast<lxw_col_t>(column), std::string(text).c_str(), s.text);
  if (e == LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED) {
    return Error::InvalidArgument("a text longer than a cell holds (32,767 characters)");
  }
  if (e != LXW_NO_ERROR) return Error::Internal(std::string("xlsx: ") + lxw_strerror(e));
  s.last_row = std::max(s.last_row, row);
  return Ok();
}

Status XlsxWriter::Number(int row, std::size_t column, double value) {
  State& s = *state_;
  if (s.sheet == nullptr || row < 2) return Error::Internal("a cell outside a sheet's rows");
  const lxw_error e = worksheet_write_number(s.sheet, static_cast<lxw_row_t>(row - 1),
                                             static_cast<lxw_col_t>(column), value, s.other);
  if (e != LXW_NO_ERROR) return Error::Internal(std::string("xlsx: ") + lxw_strerror(e));
  s.last_row = std::max(s.last_row, row);
  return Ok();
}

Result<std::string> XlsxWriter::Finish() {
  State& s = *state_;
  if (s.workbook == nullptr) return Error::Internal("the workbook is already finished");
  s.EndSheet();
  const lxw_error e = workbook_close(s.workbook);
  s.workbook = nullptr;
  if (e != LXW_NO_ERROR) return Error::Internal(std::string("xlsx: ") + lxw_strerror(e));
  std::ifstream in(s.path, std::ios::binary);
  if (!in) return Error::Internal("cannot read back the workbook");
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace motcua::catalog_io
