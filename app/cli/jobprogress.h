#pragma once

#include "jobs/job.h"

#include <memory>

namespace strata::cli {

// Log: the job's log as it grows (the tool's messages, each with the time since the start).
enum class ProgressStyle { Auto, Bar, Plain, Log, None };

// Parses --progress=bar|plain|log|none out of args (removing it); Auto: a bar on a terminal.
ProgressStyle takeProgressStyle(QStringList &args, QString *error);

// Runs a job to its end on this thread, drawing progress on stderr; Ctrl-C cancels the job (its
// partial output is removed) instead of killing the program. Returns the job's result.
core::JobResult runJobWithProgress(const std::shared_ptr<core::Job> &job, ProgressStyle style);

// Prints a result: the summary and notes on stdout, or the error on stderr. 0 only on success.
int reportResult(const core::JobResult &r);

} // namespace strata::cli
