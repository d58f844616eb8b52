// core::whenFinished: the continuation the GUI uses for every background result.
#include "util/whenfinished.h"

#include <QPromise>
#include <QTest>
#include <QThread>
#include <QtConcurrent>

#include <memory>

using namespace strata::core;

class tst_WhenFinished : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void aFinishedFutureIsNeverHandledInsideTheCaller();
    void aResultFromAnotherThreadArrivesOnTheContextsThread();
    void nothingRunsOnceTheContextIsGone();
    void aCancelledFutureRunsNothing();
};

void tst_WhenFinished::aFinishedFutureIsNeverHandledInsideTheCaller()
{
    // QFuture::then(context, ...) in Qt 6.4 would run this at once: the caller's own code after
    // the call (connecting a spy, setting a flag) would come too late.
    QObject context;
    int seen = 0;
    whenFinished(&context, QtFuture::makeReadyFuture(42), [&seen](int v) { seen = v; });
    QCOMPARE(seen, 0);
    QTRY_COMPARE(seen, 42);
}

void tst_WhenFinished::aResultFromAnotherThreadArrivesOnTheContextsThread()
{
    QObject context;
    QThread *ranOn = nullptr;
    int seen = 0;
    whenFinished(&context, QtConcurrent::run([] {
        QThread::msleep(20);
        return 7;
    }),
        [&](int v) {
            seen = v;
            ranOn = QThread::currentThread();
        });
    QTRY_COMPARE(seen, 7);
    QCOMPARE(ranOn, QThread::currentThread());
}

void tst_WhenFinished::nothingRunsOnceTheContextIsGone()
{
    bool ran = false;
    auto promise = std::make_shared<QPromise<int>>();
    promise->start();
    {
        QObject context;
        whenFinished(&context, promise->future(), [&ran](int) { ran = true; });
    }
    // The result arrives after the context died, from another thread.
    QThread *t = QThread::create([promise] {
        promise->addResult(1);
        promise->finish();
    });
    t->start();
    QVERIFY(t->wait(5000));
    delete t;
    QTest::qWait(50);
    QVERIFY(!ran);

    // Already finished, context gone before the event loop turns: nothing either.
    auto *context = new QObject;
    whenFinished(context, QtFuture::makeReadyFuture(3), [&ran](int) { ran = true; });
    delete context;
    QTest::qWait(50);
    QVERIFY(!ran);
}

void tst_WhenFinished::aCancelledFutureRunsNothing()
{
    QObject context;
    bool ran = false;
    QPromise<int> promise;
    QFuture<int> future = promise.future();
    promise.start();
    whenFinished(&context, future, [&ran](int) { ran = true; });
    future.cancel();
    promise.finish();
    QTest::qWait(50);
    QVERIFY(!ran);
}

QTEST_GUILESS_MAIN(tst_WhenFinished)
#include "tst_whenfinished.moc"
