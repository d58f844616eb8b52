#pragma once

#include "jobs/job.h"

#include <QJsonObject>

#include <memory>

namespace strata::cli {

// Log: the job's log as it grows (the tool's messages, each with the time since the start).
enum class ProgressStyle { Auto, Bar, Plain, Log, None };

// Parses --progress=bar|plain|log|none out of args (removing it); Auto: a bar on a terminal.
ProgressStyle takeProgressStyle(QStringList &args, QString *error);

// Runs a job to its end on this thread, drawing progress on stderr; Ctrl-C cancels the job (its
// partial output is removed) instead of killing the program. Returns the job's result.
core::JobResult runJobWithProgress(const std::shared_ptr<core::Job> &job, ProgressStyle style);

// Prints a result: the summary and notes on stdout, or the error on stderr. 0 only on success;
// 1 failed, 130 cancelled (128 + the signal's number when a signal cancelled it).
// json: one JSON object on stdout instead, the same exit status (keys in jobResultJson).
int reportResult(const core::JobResult &r, bool json = false);

// {"ok", "canceled", "summary", "notes", "output", "manifest", "bytes", "elapsed_ms", "tool_ms",
//  "error": null or {"kind", "message", "hint", "detail", "sqlstate"}}
QJsonObject jobResultJson(const core::JobResult &r);
QJsonObject errorJson(const core::Error &e);

} // namespace strata::cli
