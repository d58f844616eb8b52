#include "migrations/alembicgraph.h"
#include "migrations/flywaychecksum.h"
#include "migrations/folderreader.h"
#include "migrations/historycomparer.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace strata::core;

// Folder readers, Flyway's checksum, the Alembic graph and the comparison, without a server.
class tst_MigrationFolders : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void crc32CheckValue();
    void flywayChecksumKnownValues();
    void flywayChecksumIgnoresLineEndingsAndBom();
    void flywayFolderVersionsAndKinds();
    void flywayComparePendingMissingChanged();
    void plainFolderMarkersAndNonUtf8();
    void alembicLinearChain();
    void alembicBranchAndMerge();
    void alembicSyntaxErrorIsAnEntryError();
    void alembicBrokenMiddleFileKeepsItsAncestorsApplied_data();
    void alembicBrokenMiddleFileKeepsItsAncestorsApplied();
    void golangMigrateDbmateRailsDjangoPrisma();
    void railsOrDbmateIsSettledByTheFolder();
    void plainFilesRunInNumericOrder();
    void duplicateVersionNumbersAreFlagged();
    void emptyFilesAreFlagged();
    void fifosAndDevicesAreRefusedWithoutHanging();

private:
    static void write(const QString &path, const QByteArray &content);
    static const FolderMigration *find(const MigrationFolder &f, const QString &version);
};

void tst_MigrationFolders::write(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(content);
}

const FolderMigration *tst_MigrationFolders::find(const MigrationFolder &f, const QString &version)
{
    for (const auto &m : f.migrations)
        if (m.version == version && m.kind == FolderMigration::Kind::Versioned)
            return &m;
    return nullptr;
}

void tst_MigrationFolders::crc32CheckValue()
{
    // The standard CRC-32 check value (also what java.util.zip.CRC32 and zlib give).
    QCOMPARE(crc32("123456789"), 0xCBF43926u);
    QCOMPARE(crc32(""), 0u);
}

void tst_MigrationFolders::flywayChecksumKnownValues()
{
    // "123456789" as a one-line file: the check value as a signed int.
    QCOMPARE(flywayChecksum("123456789\n"), qint32(0xCBF43926u));
    QCOMPARE(flywayChecksum("123456789\n"), -873187034);
    // Values computed independently with Python's zlib.crc32 over the lines' bytes.
    QCOMPARE(flywayChecksum("CREATE TABLE users (id int);\nINSERT INTO users VALUES (1);\n"),
        -1929710232);
    QCOMPARE(flywayChecksum(QString::fromUtf8("SELECT 'é';\n").toUtf8()), 1526126742);
    QCOMPARE(flywayChecksum(""), 0);
}

void tst_MigrationFolders::flywayChecksumIgnoresLineEndingsAndBom()
{
    const qint32 lf = flywayChecksum("a\nb\n");
    QCOMPARE(flywayChecksum("a\r\nb\r\n"), lf);
    QCOMPARE(flywayChecksum("a\rb"), lf);
    QCOMPARE(flywayChecksum("\xEF\xBB\xBF"
                            "a\nb\n"),
        lf);
    QCOMPARE(flywayChecksum("a\n\n\nb"), lf); // blank lines add nothing, as in Flyway
    QVERIFY(flywayChecksum("a\n\xEF\xBB\xBF"
                           "b")
        != lf); // only a leading BOM is dropped
    QVERIFY(flywayChecksum("a\nc\n") != lf);
}

void tst_MigrationFolders::flywayFolderVersionsAndKinds()
{
    QTemporaryDir dir;
    write(dir.filePath("V1__init.sql"), "CREATE TABLE a();\n");
    write(dir.filePath("V1_1__add_users.sql"),
        "CREATE TABLE users (id int);\nINSERT INTO users VALUES (1);\n");
    write(dir.filePath("V2.0.1__more.sql"), "SELECT 1;\n");
    write(dir.filePath("R__views.sql"), "CREATE VIEW v AS SELECT 1;\n");
    write(dir.filePath("U1_1__add_users.sql"), "DROP TABLE users;\n");
    write(dir.filePath("notes.txt"), "not a migration");
    QCOMPARE(FolderReader::guessKind(dir.path()), FolderKind::Flyway);
    auto r = FolderReader::read(dir.path());
    QVERIFY(r.ok());
    QCOMPARE(r->migrations.size(), 5);
    const auto *users = find(r.value(), "1.1");
    QVERIFY(users);
    QCOMPARE(users->description, QStringLiteral("add users"));
    QCOMPARE(users->checksum, QStringLiteral("-1929710232"));
    QVERIFY(find(r.value(), "2.0.1"));
    int repeatable = 0, undo = 0;
    for (const auto &m : r->migrations) {
        repeatable += m.kind == FolderMigration::Kind::Repeatable;
        undo += m.kind == FolderMigration::Kind::Undo;
    }
    QCOMPARE(repeatable, 1);
    QCOMPARE(undo, 1);
    QCOMPARE(HistoryComparer::normaliseFlywayVersion("1.01.0"), QStringLiteral("1.1"));
    QCOMPARE(HistoryComparer::normaliseFlywayVersion("2_0"), QStringLiteral("2"));
}

void tst_MigrationFolders::flywayComparePendingMissingChanged()
{
    QTemporaryDir dir;
    write(dir.filePath("V1__baseline_ignored.sql"), "x\n");
    write(dir.filePath("V1_1__add_users.sql"),
        "CREATE TABLE users (id int);\nINSERT INTO users VALUES (1);\n");
    write(dir.filePath("V1_2__late.sql"), "edited since\n");
    write(dir.filePath("V1_5__new.sql"), "SELECT 5;\n");
    write(dir.filePath("R__views.sql"), "CREATE VIEW v AS SELECT 2;\n");
    auto folder = FolderReader::read(dir.path());
    QVERIFY(folder.ok());

    MigrationHistory h;
    h.framework = "flyway";
    auto add = [&h](QString v, MigrationState s, QString sum, bool rep = false, QString d = {}) {
        MigrationEntry e;
        e.version = v;
        e.state = s;
        e.checksum = sum;
        e.repeatable = rep;
        e.description = d;
        h.entries.append(e);
    };
    add("1", MigrationState::Baseline, {});
    add("1.1", MigrationState::Applied, "-1929710232");
    add("1.2", MigrationState::Applied, "12345");
    add("1.3", MigrationState::Applied, "1"); // no file: missing
    add("1.4", MigrationState::Applied, "1");
    add("1.4", MigrationState::RolledBack, "1"); // undone later: not missing
    add({}, MigrationState::Applied, "99", true, "views");
    HistoryComparer::compare(h, folder.value());
    QCOMPARE(h.pending.size(), 1);
    QCOMPARE(h.pending.at(0).version, QStringLiteral("1.5"));
    QCOMPARE(h.missing.size(), 1);
    QCOMPARE(h.missing.at(0).version, QStringLiteral("1.3"));
    QCOMPARE(h.changed.size(), 2); // 1.2 and the repeatable views
    QCOMPARE(h.changed.at(0).version, QStringLiteral("1.2"));
    QVERIFY(h.changed.at(0).note.contains("12345"));
    QVERIFY(h.changed.at(1).repeatable);
    QVERIFY(!h.entries.at(1).filePath.isEmpty());
}

void tst_MigrationFolders::plainFolderMarkersAndNonUtf8()
{
    QTemporaryDir dir;
    write(dir.filePath("001_init.sql"), "CREATE TABLE a();\n");
    write(dir.filePath("002_index.sql"),
        "-- strata:no-transaction\nCREATE INDEX CONCURRENTLY i ON a(x);\n");
    write(dir.filePath("003_self.sql"),
        "INSERT INTO registry.schema_migrations(version, started_at) VALUES ('003_self', "
        "now());\n");
    write(dir.filePath("004_latin1.sql"), "SELECT 'caf\xE9';\nSELECT 2;\n");
    write(dir.filePath("010_after.sql"), "SELECT 10;\n");
    QCOMPARE(FolderReader::guessKind(dir.path()), FolderKind::PlainSql);
    auto r = FolderReader::read(dir.path());
    QVERIFY(r.ok());
    QCOMPARE(r->migrations.size(), 5);
    QCOMPARE(r->migrations.at(0).version, QStringLiteral("001_init"));
    QVERIFY(!r->migrations.at(0).noTransaction);
    QVERIFY(r->migrations.at(1).noTransaction);
    QVERIFY(r->migrations.at(2).recordsItself);
    QVERIFY(!r->migrations.at(0).recordsItself);
    QVERIFY2(r->migrations.at(3).error.contains("not valid UTF-8")
            && r->migrations.at(3).error.contains("line 1"),
        qPrintable(r->migrations.at(3).error));
    QVERIFY(r->migrations.at(4).error.isEmpty());

    // An unreadable file is listed with its own message (a dangling link: root reads anything).
    QVERIFY(QFile::link(dir.filePath("nowhere/gone.sql"), dir.filePath("005_dangling.sql")));
    auto again = FolderReader::read(dir.path());
    QCOMPARE(again->migrations.size(), 6);
    QVERIFY2(again->migrations.at(4).error.contains("cannot read 005_dangling.sql"),
        qPrintable(again->migrations.at(4).error));
    QFile::remove(dir.filePath("005_dangling.sql"));

    MigrationHistory h;
    h.framework = "homegrown";
    MigrationEntry e;
    e.version = "001_init";
    h.entries.append(e);
    e.version = "007_gone";
    h.entries.append(e);
    HistoryComparer::compare(h, r.value());
    QCOMPARE(h.pending.size(), 4);
    QCOMPARE(h.missing.size(), 1);
    QCOMPARE(h.missing.at(0).version, QStringLiteral("007_gone"));
}

static QByteArray alembicFile(const char *rev, const char *down, const char *extra = "")
{
    return QByteArray("\"\"\"message for ") + rev + "\n\nRevision ID: " + rev
        + "\nCreate Date: 2024-01-01 10:00:00\n\"\"\"\nfrom alembic import op\n\nrevision: str = '"
        + rev + "'\ndown_revision: Union[str, None] = " + down + "\n" + extra
        + "\n\ndef upgrade() -> None:\n    op.execute(\"SELECT 1\")\n";
}

void tst_MigrationFolders::alembicLinearChain()
{
    QTemporaryDir dir;
    write(dir.filePath("versions/a1_init.py"),
        alembicFile("a1", "None", "branch_labels = None\ndepends_on = None"));
    write(dir.filePath("versions/b2_users.py"), alembicFile("b2", "'a1'"));
    write(dir.filePath("versions/c3_orders.py"), alembicFile("c3", "\"b2\""));
    QCOMPARE(FolderReader::guessKind(dir.path()), FolderKind::Alembic);
    auto r = FolderReader::read(dir.path());
    QVERIFY(r.ok());
    QCOMPARE(r->migrations.size(), 3);
    QCOMPARE(r->migrations.at(0).version, QStringLiteral("a1"));
    QCOMPARE(r->migrations.at(2).version, QStringLiteral("c3"));
    QCOMPARE(r->migrations.at(1).downRevisions, QStringList { "a1" });
    QCOMPARE(r->migrations.at(1).description, QStringLiteral("message for b2"));
    QCOMPARE(r->migrations.at(1).createDate, QStringLiteral("2024-01-01 10:00:00"));
    AlembicGraph g(r->migrations);
    QCOMPARE(g.heads(), QStringList { "c3" });
    QVERIFY(!g.hasBranches());

    MigrationHistory h;
    h.framework = "alembic";
    MigrationEntry head;
    head.version = "b2";
    h.entries.append(head);
    HistoryComparer::compare(h, r.value());
    QCOMPARE(h.entries.size(), 2); // a1 and b2: ancestors of the head, head included
    QCOMPARE(h.entries.at(0).version, QStringLiteral("a1"));
    QCOMPARE(h.pending.size(), 1);
    QCOMPARE(h.pending.at(0).version, QStringLiteral("c3"));
    QVERIFY(h.missing.isEmpty());
}

void tst_MigrationFolders::alembicBranchAndMerge()
{
    QTemporaryDir dir;
    // a1 -> b2 -> (c3 | d4) -> m5 merges them; e6 on a separate branch depends on c3.
    write(dir.filePath("versions/a1.py"), alembicFile("a1", "None"));
    write(dir.filePath("versions/b2.py"), alembicFile("b2", "'a1'"));
    write(dir.filePath("versions/c3.py"), alembicFile("c3", "'b2'"));
    write(
        dir.filePath("versions/d4.py"), alembicFile("d4", "'b2'", "branch_labels = ('reports',)"));
    write(dir.filePath("versions/m5.py"), alembicFile("m5", "('c3', 'd4')"));
    write(dir.filePath("versions/x1.py"), alembicFile("x1", "None", "depends_on = 'c3'"));
    write(dir.filePath("versions/__init__.py"), "");
    auto r = FolderReader::read(dir.path());
    QVERIFY(r.ok());
    QCOMPARE(r->migrations.size(), 6);
    AlembicGraph g(r->migrations);
    QStringList heads = g.heads();
    heads.sort();
    QCOMPARE(heads, (QStringList { "m5", "x1" }));
    QVERIFY(g.hasBranches());
    const auto *m5 = find(r.value(), "m5");
    QCOMPARE(m5->downRevisions, (QStringList { "c3", "d4" }));
    QCOMPARE(find(r.value(), "d4")->branchLabels, QStringList { "reports" });
    QCOMPARE(find(r.value(), "x1")->dependsOn, QStringList { "c3" });
    // Topological: parents before children.
    QStringList order;
    for (const auto &m : r->migrations)
        order.append(m.version);
    QVERIFY(order.indexOf("b2") < order.indexOf("c3"));
    QVERIFY(order.indexOf("d4") < order.indexOf("m5"));
    QVERIFY(order.indexOf("c3") < order.indexOf("x1"));

    // The database is at d4 (one branch) and x1: x1 depends on c3, so c3 is applied too.
    MigrationHistory h;
    h.framework = "alembic";
    for (const char *v : { "d4", "x1" }) {
        MigrationEntry e;
        e.version = v;
        h.entries.append(e);
    }
    HistoryComparer::compare(h, r.value());
    QStringList applied;
    for (const auto &e : h.entries)
        applied.append(e.version);
    applied.sort();
    QCOMPARE(applied, (QStringList { "a1", "b2", "c3", "d4", "x1" }));
    QCOMPARE(h.pending.size(), 1);
    QCOMPARE(h.pending.at(0).version, QStringLiteral("m5"));

    // A head the folder does not know is missing; the files may all lie before it, so none is
    // called pending.
    MigrationHistory h2;
    h2.framework = "alembic";
    MigrationEntry gone;
    gone.version = "zz9";
    h2.entries.append(gone);
    HistoryComparer::compare(h2, r.value());
    QCOMPARE(h2.missing.size(), 1);
    QCOMPARE(h2.pending.size(), 0);
    int unknown = 0;
    for (const auto &e : h2.entries)
        unknown += e.state == MigrationState::Unknown ? 1 : 0;
    QCOMPARE(unknown, 6);
    QVERIFY(h2.notes.join(u' ').contains("zz9"));
}

void tst_MigrationFolders::alembicBrokenMiddleFileKeepsItsAncestorsApplied_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QByteArray>("broken");
    QTest::addColumn<QString>("ancestorState"); // a1's state: "applied" or "unknown"
    QTest::addColumn<QString>("stopsAt"); // the file the notes name
    // The docstring header says who it is and whom it revises: the walk goes on through it.
    QTest::newRow("header names both")
        << "b2_users.py"
        << QByteArray(
               "\"\"\"users\n\nRevision ID: b2\nRevises: a1\nCreate Date: 2024-01-01\n\"\"\"\n"
               "revision = 'b2\ndown_revision = 'a1\n\ndef upgrade():\n    pass\n")
        << "applied"
        << "b2_users.py";
    // Only the file name says who it is: what lies before it cannot be told.
    QTest::newRow("file name only")
        << "b2_users.py" << QByteArray("revision = 'b2\ndown_revision = 'a1\n") << "unknown"
        << "b2_users.py";
    // Nothing tells its id: c3 names b2, which no file defines.
    QTest::newRow("nothing readable")
        << "broken.py" << QByteArray("\"\"\"users\nrevision = b2\n") << "unknown"
        << "c3_orders.py";
}

void tst_MigrationFolders::alembicBrokenMiddleFileKeepsItsAncestorsApplied()
{
    QFETCH(QString, fileName);
    QFETCH(QByteArray, broken);
    QFETCH(QString, ancestorState);
    QFETCH(QString, stopsAt);
    QTemporaryDir dir;
    write(dir.filePath("versions/a1_init.py"), alembicFile("a1", "None"));
    write(dir.filePath("versions/" + fileName), broken);
    write(dir.filePath("versions/c3_orders.py"), alembicFile("c3", "'b2'"));
    write(dir.filePath("versions/d4_items.py"), alembicFile("d4", "'c3'"));
    write(dir.filePath("versions/e5_next.py"), alembicFile("e5", "'d4'"));
    auto r = FolderReader::read(dir.path());
    QVERIFY(r.ok());
    MigrationHistory h;
    h.framework = "alembic";
    MigrationEntry head;
    head.version = "d4";
    h.entries.append(head);
    HistoryComparer::compare(h, r.value());
    QHash<QString, MigrationState> state;
    for (const auto &e : h.entries)
        state.insert(e.version, e.state);
    // Applied for sure: the head and what the walk reached; only e5 (after the head) is pending.
    QCOMPARE(h.pending.size(), 1);
    QCOMPARE(h.pending.at(0).version, QStringLiteral("e5"));
    QCOMPARE(state.value("d4"), MigrationState::Applied);
    QCOMPARE(state.value("c3"), MigrationState::Applied);
    QVERIFY(state.contains("a1"));
    QCOMPARE(migrationStateName(state.value("a1")), ancestorState);
    for (const auto &e : h.entries)
        if (e.state == MigrationState::Unknown)
            QVERIFY2(
                e.note.contains("cannot tell") && e.note.contains(stopsAt), qPrintable(e.note));
    QVERIFY2(h.notes.join(u' ').contains(stopsAt), qPrintable(h.notes.join(u'\n')));
    QVERIFY(h.missing.isEmpty());
}

void tst_MigrationFolders::alembicSyntaxErrorIsAnEntryError()
{
    QTemporaryDir dir;
    write(dir.filePath("versions/a1.py"), alembicFile("a1", "None"));
    write(dir.filePath("versions/b2.py"), alembicFile("b2", "'a1'"));
    write(dir.filePath("versions/c3_broken.py"),
        "\"\"\"broken\"\"\"\nrevision = 'c3'\ndown_revision = ('b2'\n\ndef upgrade():\n    pass\n");
    write(dir.filePath("versions/d4_unterminated.py"), "revision = 'd4\ndown_revision = 'b2'\n");
    write(dir.filePath("versions/e5_latin1.py"),
        "# caf\xE9\nrevision = 'e5'\ndown_revision = 'b2'\n");
    auto r = FolderReader::read(dir.path());
    QVERIFY(r.ok());
    QCOMPARE(r->migrations.size(), 5);
    const FolderMigration *broken = nullptr, *unterminated = nullptr, *latin = nullptr;
    for (const auto &m : r->migrations) {
        if (m.relativePath == "c3_broken.py")
            broken = &m;
        if (m.relativePath == "d4_unterminated.py")
            unterminated = &m;
        if (m.relativePath == "e5_latin1.py")
            latin = &m;
    }
    QVERIFY(broken && unterminated && latin);
    QVERIFY2(broken->error.contains("line 3") && broken->error.contains("never closed"),
        qPrintable(broken->error));
    QVERIFY2(unterminated->error.contains("line 1") && unterminated->error.contains("unterminated"),
        qPrintable(unterminated->error));
    QVERIFY2(latin->error.contains("UTF-8"), qPrintable(latin->error));
    QVERIFY(find(r.value(), "a1")->error.isEmpty());
    QVERIFY(find(r.value(), "b2")->error.isEmpty());
}

void tst_MigrationFolders::golangMigrateDbmateRailsDjangoPrisma()
{
    {
        QTemporaryDir dir;
        write(dir.filePath("000001_init.up.sql"), "CREATE TABLE a();");
        write(dir.filePath("000001_init.down.sql"), "DROP TABLE a;");
        write(dir.filePath("000002_users.up.sql"), "CREATE TABLE u();");
        write(dir.filePath("000010_late.up.sql"), "SELECT 1;");
        QCOMPARE(FolderReader::guessKind(dir.path()), FolderKind::GolangMigrate);
        auto r = FolderReader::read(dir.path());
        QCOMPARE(r->migrations.size(), 3);
        QCOMPARE(r->migrations.at(2).version, QStringLiteral("10"));
        MigrationHistory h;
        h.framework = "golang-migrate";
        MigrationEntry cur;
        cur.version = "2";
        cur.state = MigrationState::Dirty;
        h.entries.append(cur);
        HistoryComparer::compare(h, r.value());
        QCOMPARE(h.entries.size(), 2);
        QCOMPARE(h.entries.at(1).state, MigrationState::Dirty);
        QCOMPARE(h.pending.size(), 1);
        QCOMPARE(h.pending.at(0).version, QStringLiteral("10"));
    }
    {
        QTemporaryDir dir;
        write(dir.filePath("db/migrations/20240101120000_create_users.sql"),
            "-- migrate:up\nCREATE TABLE users();\n-- migrate:down\nDROP TABLE users;\n");
        QCOMPARE(FolderReader::guessKind(dir.path()), FolderKind::Dbmate);
        auto r = FolderReader::read(dir.path());
        QCOMPARE(r->migrations.size(), 1);
        QCOMPARE(r->migrations.at(0).version, QStringLiteral("20240101120000"));
    }
    {
        QTemporaryDir dir;
        write(dir.filePath("db/migrate/20230101000000_create_users.rb"),
            "class CreateUsers < ActiveRecord::Migration[7.0]\nend\n");
        write(dir.filePath("db/migrate/20230201000000_add_email.rb"), "class AddEmail\nend\n");
        QCOMPARE(FolderReader::guessKind(dir.path()), FolderKind::Rails);
        auto r = FolderReader::read(dir.path());
        QCOMPARE(r->migrations.size(), 2);
        QCOMPARE(r->migrations.at(1).version, QStringLiteral("20230201000000"));
        QCOMPARE(r->migrations.at(1).description, QStringLiteral("add email"));
    }
    {
        QTemporaryDir dir;
        write(
            dir.filePath("auth/migrations/0001_initial.py"), "from django.db import migrations\n");
        write(dir.filePath("auth/migrations/0002_more.py"), "from django.db import migrations\n");
        write(dir.filePath("auth/migrations/__init__.py"), "");
        write(
            dir.filePath("shop/migrations/0001_initial.py"), "from django.db import migrations\n");
        QCOMPARE(FolderReader::guessKind(dir.path()), FolderKind::Django);
        auto r = FolderReader::read(dir.path());
        QCOMPARE(r->migrations.size(), 3);
        QVERIFY(find(r.value(), "auth.0002_more"));
        QVERIFY(find(r.value(), "shop.0001_initial"));
        MigrationHistory h;
        h.framework = "django";
        MigrationEntry e;
        e.version = "auth.0001_initial";
        h.entries.append(e);
        HistoryComparer::compare(h, r.value());
        QCOMPARE(h.pending.size(), 2);
    }
    {
        QTemporaryDir dir;
        write(dir.filePath("prisma/migrations/20240501100000_init/migration.sql"),
            "CREATE TABLE a();\n");
        write(dir.filePath("prisma/migrations/20240502100000_users/migration.sql"),
            "CREATE TABLE u();\n");
        write(dir.filePath("prisma/migrations/migration_lock.toml"), "provider = \"postgresql\"\n");
        QCOMPARE(FolderReader::guessKind(dir.path()), FolderKind::Prisma);
        auto r = FolderReader::read(dir.path());
        QCOMPARE(r->migrations.size(), 2);
        // SHA-256 of "CREATE TABLE a();\n", computed with sha256sum.
        QCOMPARE(r->migrations.at(0).checksum,
            QStringLiteral("f83c8a4948dc4cf20516972c6cd0b7bc2c3ecef17e245577a472bce9ed917889"));
        MigrationHistory h;
        h.framework = "prisma";
        MigrationEntry e;
        e.version = "20240501100000_init";
        e.checksum = "0000";
        h.entries.append(e);
        HistoryComparer::compare(h, r.value());
        QCOMPARE(h.changed.size(), 1);
        QCOMPARE(h.pending.size(), 1);
    }
}

void tst_MigrationFolders::railsOrDbmateIsSettledByTheFolder()
{
    QTemporaryDir rails;
    write(rails.filePath("db/migrate/20240101120000_create_users.rb"), "class X\nend\n");
    MigrationHistory h;
    h.framework = "rails";
    h.ambiguous = true;
    h.alternatives = { "rails", "dbmate" };
    MigrationEntry e;
    e.version = "20240101120000";
    h.entries.append(e);
    MigrationHistory d = h;
    HistoryComparer::compare(h, FolderReader::read(rails.path()).value());
    QVERIFY(!h.ambiguous);
    QCOMPARE(h.framework, QStringLiteral("rails"));
    QVERIFY(h.pending.isEmpty());

    QTemporaryDir dbmate;
    write(dbmate.filePath("20240101120000_create_users.sql"), "-- migrate:up\nSELECT 1;\n");
    write(dbmate.filePath("20240102120000_more.sql"), "-- migrate:up\nSELECT 2;\n");
    HistoryComparer::compare(d, FolderReader::read(dbmate.path()).value());
    QVERIFY(!d.ambiguous);
    QCOMPARE(d.framework, QStringLiteral("dbmate"));
    QCOMPARE(d.upgradeCommand, QStringLiteral("dbmate up"));
    QCOMPARE(d.pending.size(), 1);
}

void tst_MigrationFolders::plainFilesRunInNumericOrder()
{
    QTemporaryDir dir;
    for (const char *name : { "10_x.sql", "2_y.sql", "1_a.sql", "9_b.sql", "100_z.sql" })
        write(dir.filePath(name), "SELECT 1;\n");
    auto r = FolderReader::read(dir.path());
    QVERIFY(r.ok());
    QStringList order;
    for (const auto &m : r->migrations)
        order << m.relativePath;
    QCOMPARE(order, (QStringList { "1_a.sql", "2_y.sql", "9_b.sql", "10_x.sql", "100_z.sql" }));
}

void tst_MigrationFolders::duplicateVersionNumbersAreFlagged()
{
    QTemporaryDir dir;
    for (const char *name : { "001_a.sql", "001_b.sql", "1_c.sql", "002_d.sql" })
        write(dir.filePath(name), "SELECT 1;\n");
    auto r = FolderReader::read(dir.path());
    QVERIFY(r.ok());
    QCOMPARE(r->migrations.size(), 4);
    for (const auto &m : r->migrations) {
        if (m.relativePath == QLatin1String("002_d.sql")) {
            QVERIFY2(m.error.isEmpty(), qPrintable(m.error));
            continue;
        }
        QVERIFY2(m.error.contains("version number 1"), qPrintable(m.error));
    }
    QVERIFY(r->migrations.at(0).error.contains("001_b.sql"));
    QVERIFY(r->migrations.at(0).error.contains("1_c.sql"));
}

void tst_MigrationFolders::emptyFilesAreFlagged()
{
    QTemporaryDir dir;
    write(dir.filePath("001_empty.sql"), "");
    write(dir.filePath("002_comments.sql"), "-- to do\n/* later */\n  \n");
    write(dir.filePath("003_real.sql"), "SELECT 1;\n");
    auto r = FolderReader::read(dir.path());
    QVERIFY(r.ok());
    QCOMPARE(r->migrations.size(), 3);
    QVERIFY2(r->migrations.at(0).error.contains("no SQL statement"),
        qPrintable(r->migrations.at(0).error));
    QVERIFY(r->migrations.at(1).error.contains("no SQL statement"));
    QVERIFY(r->migrations.at(2).error.isEmpty());
}

void tst_MigrationFolders::fifosAndDevicesAreRefusedWithoutHanging()
{
    // Reading a FIFO waits for a writer for ever; /dev/zero never ends. Neither is a migration.
    QTemporaryDir dir;
    write(dir.filePath("001_ok.sql"), "SELECT 1;\n");
    QCOMPARE(::mkfifo(QFile::encodeName(dir.filePath("002_fifo.sql")).constData(), 0600), 0);
    QVERIFY(QFile::link("/dev/zero", dir.filePath("003_zero.sql")));
    QCOMPARE(FolderReader::guessKind(dir.path()), FolderKind::PlainSql);
    auto r = FolderReader::read(dir.path());
    QVERIFY(r.ok());
    QCOMPARE(r->migrations.size(), 3);
    QVERIFY(r->migrations.at(0).error.isEmpty());
    QVERIFY2(r->migrations.at(1).error.contains("not a regular file"),
        qPrintable(r->migrations.at(1).error));
    QVERIFY2(r->migrations.at(2).error.contains("not a regular file"),
        qPrintable(r->migrations.at(2).error));
    QString error;
    QVERIFY(FolderReader::readText(dir.filePath("003_zero.sql"), &error).isEmpty());
    QVERIFY(error.contains("not a regular file"));
}

QTEST_GUILESS_MAIN(tst_MigrationFolders)
#include "tst_migrationfolders.moc"
