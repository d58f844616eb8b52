#pragma once

// The settings the Preferences dialog edits, each read where it takes effect (keys under
// core::Preferences, so "ui/" in the settings file).
namespace strata::ui::prefkeys {

// Jobs that ran at least this many seconds end with a desktop notification (JobsPage).
inline constexpr const char *kNotifyAfterSeconds = "jobs/notifyAfterSeconds";
inline constexpr int kNotifyAfterSecondsDefault = 30;
// The folder a new backup is proposed in; also set by each backup (JobsPage).
inline constexpr const char *kBackupFolder = "backup/lastFolder";
// Whether the last connection is opened again at start (windowstate::lastConnection).
inline constexpr const char *kReconnectAtStart = "connection/reconnectAtStart";

} // namespace strata::ui::prefkeys
