// The house rules that a reader of the code relies on, checked on every run: widgets never hold a
// session or a password; SQL lives in sql/; nothing in ui/ or models/ blocks the GUI thread;
// files and functions stay small enough to read. See ../shared/ARCHITECTURE.md and the README's
// layout section.
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QTest>

namespace {

QString sourceDir()
{
    return qEnvironmentVariable("STRATA_SOURCE_DIR");
}

struct SourceFile
{
    QString path; // relative to the source tree: "ui/stats/statspage.cpp"
    QStringList lines;
};

// Prints every finding (QVERIFY2's message is cut short) and says whether there was none.
bool none(const QStringList &found)
{
    for (const QString &f : found)
        qWarning("%s", qPrintable(f));
    return found.isEmpty();
}

QList<SourceFile> sources(const QStringList &folders)
{
    QList<SourceFile> out;
    for (const QString &folder : folders) {
        QDirIterator it(sourceDir() + u'/' + folder,
            { QStringLiteral("*.cpp"), QStringLiteral("*.h") }, QDir::Files,
            QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            QFile f(path);
            if (!f.open(QIODevice::ReadOnly))
                continue;
            out.append(
                { path.mid(sourceDir().size() + 1), QString::fromUtf8(f.readAll()).split(u'\n') });
        }
    }
    std::sort(out.begin(), out.end(),
        [](const SourceFile &a, const SourceFile &b) { return a.path < b.path; });
    return out;
}

// Lines of code outside comments (a comment may name what the code must not do).
QString withoutComment(const QString &line)
{
    const qsizetype at = line.indexOf(QLatin1String("//"));
    return at < 0 ? line : line.left(at);
}

struct Function
{
    QString file;
    int line = 0;
    int length = 0;
    QString name;
};

// Function bodies in clang-formatted code: the house style puts a function's braces at column 0
// on lines of their own (BraceWrapping AfterFunction, no namespace indentation), and a class's,
// struct's and enum's opening line names them.
QList<Function> functions(const SourceFile &f)
{
    static const QRegularExpression notAFunction(
        QStringLiteral("^(template\\s*<.*>\\s*)?(class|struct|union|enum|namespace|extern)\\b"));
    QList<Function> out;
    for (int i = 0; i < f.lines.size(); ++i) {
        if (f.lines.at(i) != QLatin1String("{"))
            continue;
        int head = i - 1;
        while (head > 0
            && (f.lines.at(head).isEmpty() || f.lines.at(head).at(0).isSpace()
                || f.lines.at(head).startsWith(u':') || f.lines.at(head).startsWith(u',')))
            --head;
        if (head < 0 || notAFunction.match(f.lines.at(head)).hasMatch())
            continue;
        int end = i + 1;
        while (end < f.lines.size() && !f.lines.at(end).startsWith(u'}'))
            ++end;
        out.append({ f.path, head + 1, end - i - 1, f.lines.at(head).trimmed().left(80) });
        i = end;
    }
    return out;
}

} // namespace

class tst_HouseStyle : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void widgetsNeverHoldASessionOrAPassword();
    void noSqlStatementTextInCpp();
    void nothingBlocksTheGuiThread();
    void filesStayUnderSixHundredLines();
    void functionsStayUnderAHundredLines();
    void theFunctionFinderFindsFunctions();
};

void tst_HouseStyle::initTestCase()
{
    QVERIFY2(!sourceDir().isEmpty() && QFile::exists(sourceDir() + QStringLiteral("/ui")),
        "STRATA_SOURCE_DIR must name the source tree");
}

void tst_HouseStyle::widgetsNeverHoldASessionOrAPassword()
{
    static const QRegularExpression banned(
        QStringLiteral("db/session\\.h|SessionOptions|password\\(\\)|core::Session\\b|"
                       "SessionContext|secretForTools|newSession|browseSession"));
    QStringList found;
    for (const SourceFile &f : sources({ QStringLiteral("ui"), QStringLiteral("models") }))
        for (int i = 0; i < f.lines.size(); ++i)
            if (banned.match(withoutComment(f.lines.at(i))).hasMatch())
                found << QStringLiteral("%1:%2: %3")
                             .arg(f.path)
                             .arg(i + 1)
                             .arg(f.lines.at(i).trimmed());
    QVERIFY(none(found));
}

void tst_HouseStyle::noSqlStatementTextInCpp()
{
    // A string literal that starts like a statement (or holds one after a line break).
    static const QRegularExpression statement(QStringLiteral(
        "\"(\\\\n)?\\s*(SELECT\\s+\\S|INSERT\\s+INTO|UPDATE\\s+\\S+\\s+SET|DELETE\\s+FROM|"
        "CREATE\\s+(TABLE|INDEX|DATABASE|SCHEMA|SEQUENCE|VIEW|MATERIALIZED|EXTENSION|ROLE)|"
        "DROP\\s+(TABLE|DATABASE|SCHEMA|VIEW|INDEX)|ALTER\\s+(TABLE|SEQUENCE|DATABASE)|"
        "SET\\s+(LOCAL\\s+|SESSION\\s+)?[a-z_]+\\s+(TO|=)|TRUNCATE\\s|LOCK\\s+TABLE|COPY\\s+[a-z\"("
        "]|"
        "WITH\\s+[a-z_]+\\s+AS\\s*\\(|BEGIN;|COMMIT;)"));
    // Text matched against statements (pg_dump's output, a migration file) is not a statement,
    // and a literal that only names a kind of statement ("CREATE INDEX CONCURRENTLY") is a label.
    static const QRegularExpression matching(
        QStringLiteral("startsWith\\(|endsWith\\(|contains\\(|QRegularExpression\\("));
    static const QRegularExpression nameOnly(QStringLiteral("\"[A-Z ]+\""));
    QStringList found;
    for (const SourceFile &f :
        sources({ QStringLiteral("app"), QStringLiteral("models"), QStringLiteral("ui") }))
        for (int i = 0; i < f.lines.size(); ++i)
            if (statement.match(withoutComment(f.lines.at(i)).remove(nameOnly)).hasMatch()
                && !matching.match(f.lines.at(i)).hasMatch())
                found << QStringLiteral("%1:%2: %3")
                             .arg(f.path)
                             .arg(i + 1)
                             .arg(f.lines.at(i).trimmed());
    QVERIFY2(none(found), "SQL belongs in sql/");
}

void tst_HouseStyle::nothingBlocksTheGuiThread()
{
    static const QRegularExpression blocking(QStringLiteral(
        "waitFor[A-Z]\\w*\\(|processEvents|QEventLoop|BlockingQueuedConnection|PQcancel|"
        "QThread::(sleep|msleep|usleep)|\\b(menu|dialog|box|d)(\\.|->)exec\\(\\)|"
        "QtConcurrent::|QThreadPool::globalInstance|QtFuture::Launch"));
    QStringList found;
    for (const SourceFile &f : sources({ QStringLiteral("ui"), QStringLiteral("models") }))
        for (int i = 0; i < f.lines.size(); ++i)
            if (blocking.match(withoutComment(f.lines.at(i))).hasMatch())
                found << QStringLiteral("%1:%2: %3")
                             .arg(f.path)
                             .arg(i + 1)
                             .arg(f.lines.at(i).trimmed());
    QVERIFY(none(found));
}

void tst_HouseStyle::filesStayUnderSixHundredLines()
{
    QStringList found;
    for (const SourceFile &f :
        sources({ QStringLiteral("app"), QStringLiteral("models"), QStringLiteral("ui") }))
        if (f.lines.size() > 620)
            found << QStringLiteral("%1: %2 lines").arg(f.path).arg(f.lines.size());
    QVERIFY(none(found));
}

void tst_HouseStyle::functionsStayUnderAHundredLines()
{
    QStringList found;
    for (const SourceFile &f :
        sources({ QStringLiteral("app"), QStringLiteral("models"), QStringLiteral("ui") }))
        for (const Function &fn : functions(f))
            if (fn.length > 100)
                found << QStringLiteral("%1:%2: %3 lines: %4")
                             .arg(fn.file)
                             .arg(fn.line)
                             .arg(fn.length)
                             .arg(fn.name);
    QVERIFY(none(found));
}

void tst_HouseStyle::theFunctionFinderFindsFunctions()
{
    // The checker must not pass because it finds nothing: a known function is found with its
    // length, and a class body is not taken for one.
    SourceFile f { QStringLiteral("x.cpp"),
        QStringLiteral("class A\n{\n    int x;\n};\n\nint A::f(int a,\n         int b)\n"
                       "{\n    return a\n        + b;\n}\n")
            .split(u'\n') };
    const QList<Function> found = functions(f);
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.first().length, 2);
    QCOMPARE(found.first().line, 6);
    bool statspage = false;
    for (const SourceFile &s : sources({ QStringLiteral("app") }))
        statspage = statspage || !functions(s).isEmpty();
    QVERIFY(statspage);
}

QTEST_GUILESS_MAIN(tst_HouseStyle)
#include "tst_housestyle.moc"
