#pragma once

// Writes a simple XLSX workbook with libxlsxwriter: sheets of text and number cells under a bold,
// frozen header row with an autofilter. libxlsxwriter writes to a file, so the workbook is built
// in a temporary file that Finish reads back and removes.
//
// One writer per workbook, used from one thread.

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"

namespace motcua::catalog_io {

class XlsxWriter {
 public:
  struct Column {
    std::string header;
    double width = 16;
    bool text = true;  // formatted as text, so that "1.001193" typed later stays text
  };

  // kInternal when the temporary file cannot be created.
  static Result<std::unique_ptr<XlsxWriter>> Create();
  ~XlsxWriter();
  XlsxWriter(const XlsxWriter&) = delete;
  XlsxWriter& operator=(const XlsxWriter&) = delete;

  // Starts a sheet (names are at most 31 characters, without []:*?/\) with its header row;
  // following cells go to it. Rows are 1-based as shown; row 1 is the header.
  Status AddSheet(std::string_view name, const std::vector<Column>& columns);
  // kInvalidArgument when the text is longer than a cell holds (32,767 characters).
  Status Text(int row, std::size_t column, std::string_view text);
  Status Number(int row, std::size_t column, double value);
  // The workbook's bytes; the writer is finished afterwards.
  Result<std::string> Finish();

 private:
  struct State;
  explicit XlsxWriter(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

}  // namespace motcua::catalog_io
