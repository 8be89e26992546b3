#pragma once

// The reports as downloads: each report of routes_reports.cc as an XLSX workbook (catalog_io's
// writer over libxlsxwriter) and as an A4 landscape PDF (render::RenderReportSheet, the forms'
// cairo + Pango renderer). Every cell holds the same figure as the JSON answer; docs/reports.md
// names the columns. Each function returns the file's bytes, or kInternal when the writer fails.

#include <string>

#include "app/report_service.h"
#include "common/result.h"
#include "http/server.h"

namespace motcua::http {

// ?format=json (the default), xlsx or pdf; kInvalidArgument naming "format" otherwise.
enum class ReportFormat { kJson, kXlsx, kPdf };
Result<ReportFormat> ReportFormatParam(const Request& req);

Result<std::string> StatisticsWorkbook(const app::ReportService::StatisticsReport& report);
Result<std::string> IndexWorkbook(const app::ReportService::IndexReport& report);
Result<std::string> PeriodicWorkbook(const app::ReportService::PeriodicReport& report);
// One row per group key (step, unit or officer) and the total; hours are working hours.
Result<std::string> StepsWorkbook(const app::ReportService::StepReport& report);
Result<std::string> StepsPdf(const app::ReportService::StepReport& report);

Result<std::string> StatisticsPdf(const app::ReportService::StatisticsReport& report);
Result<std::string> IndexPdf(const app::ReportService::IndexReport& report);
Result<std::string> PeriodicPdf(const app::ReportService::PeriodicReport& report);

}  // namespace motcua::http
