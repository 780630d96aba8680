// Atomic saves where files are not what they seem: stale temporary files of a
// killed save, a temporary file a writer still holds, links, fifos, devices and
// folders at the target, and the writability checks made before a long run.
#include "tests/engine/test_registry.h"

#include "engine/core/errors.h"
#include "engine/io/atomic_file.h"
#include "engine/io/output_path.h"
#include "engine/io/temp_file.h"

#include <QtTest>
#include <csignal>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <sys/file.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace cs;
using namespace cs::test;
namespace fs = std::filesystem;

namespace {

// A fresh folder per test function.
std::string freshFolder(const char* name) {
    const std::string dir = tempDir() + "/" + name;
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

void writePlain(const std::string& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
}

std::string contentOf(const std::string& path) {
    return readWholeFile(path, 1 << 20);
}

std::vector<std::string> hiddenNames(const std::string& dir) {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.path().filename().string()[0] == '.') names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

// The process's file size limit set to `bytes` (SIGXFSZ ignored, so a write past
// it fails with EFBIG as on a full disk) until the object goes.
class FileSizeLimit {
public:
    explicit FileSizeLimit(rlim_t bytes) {
        getrlimit(RLIMIT_FSIZE, &saved_);
        previous_ = std::signal(SIGXFSZ, SIG_IGN);
        rlimit limited = saved_;
        limited.rlim_cur = bytes;
        setrlimit(RLIMIT_FSIZE, &limited);
    }
    ~FileSizeLimit() {
        setrlimit(RLIMIT_FSIZE, &saved_);
        std::signal(SIGXFSZ, previous_);
    }

private:
    rlimit saved_{};
    void (*previous_)(int) = nullptr;
};

} // namespace

class AtomicFileTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void tempFileNamesFollowOnePattern() {
        QVERIFY(isTempFileName(".model.safetensors.convstudio-tmp-aB3xY9"));
        QVERIFY(!isTempFileName(".model.safetensors.convstudio-tmp-aB3xY")); // 5 random chars
        QVERIFY(
            !isTempFileName(".model.safetensors.convstudio-tmp-aB3-Y9")); // not mkstemp's letters
        QVERIFY(!isTempFileName("model.safetensors.convstudio-tmp-aB3xY9")); // not hidden
        QVERIFY(!isTempFileName("..convstudio-tmp-aB3xY9x"));                // no marker at the end
        QVERIFY(!isTempFileName(".model.safetensors.tmp-aB3xY9"));           // another program's
    }

    void staleTempFilesAreRemovedByTheNextSave() {
        // Files of our pattern nobody holds (their writer was killed) go, for any
        // target in the folder; look-alikes of other programs stay.
        const std::string dir = freshFolder("stale");
        writePlain(dir + "/.model.safetensors.convstudio-tmp-Ab12Cd", "half a model");
        writePlain(dir + "/.ckpt-03.safetensors.convstudio-tmp-Zz99Yy", "half a checkpoint");
        writePlain(dir + "/.model.safetensors.tmp-Ab12Cd", "not ours");
        writePlain(dir + "/notes.convstudio-tmp-Ab12Cd", "not hidden: not ours");
        writeFileAtomically(dir + "/other.txt", {"new"});
        QCOMPARE(hiddenNames(dir), (std::vector<std::string>{".model.safetensors.tmp-Ab12Cd"}));
        QVERIFY(fs::exists(dir + "/notes.convstudio-tmp-Ab12Cd"));
        QCOMPARE(QString::fromStdString(contentOf(dir + "/other.txt")), QString("new"));
    }

    void aTempFileItsWriterHoldsIsKept() {
        // A save in progress (its lock held, here by this test) is not stale.
        const std::string dir = freshFolder("live");
        const std::string live = dir + "/.model.safetensors.convstudio-tmp-Live01";
        writePlain(live, "being written");
        const int fd = ::open(live.c_str(), O_RDONLY);
        QVERIFY(fd >= 0);
        QCOMPARE(::flock(fd, LOCK_EX), 0);
        writeFileAtomically(dir + "/model.safetensors", {"another writer"});
        QVERIFY2(fs::exists(live), "the temporary file of a save in progress was removed");
        ::close(fd); // the writer "dies": its lock goes with it
        writeFileAtomically(dir + "/model.safetensors", {"next save"});
        QVERIFY(!fs::exists(live));
    }

    void concurrentTempFilesOfThisProcessAreKept() {
        // Two saves into one folder at once (a project save while a checkpoint is
        // written): neither removes the other's temporary file.
        const std::string dir = freshFolder("concurrent");
        TempFile first(dir + "/a.bin", "a.bin");
        QCOMPARE(removeStaleTempFiles(dir), 0);
        writeFileAtomically(dir + "/b.bin", {"b"});
        QVERIFY(fs::exists(first.path()));
        first.renameOver(dir + "/a.bin");
        QVERIFY(fs::exists(dir + "/a.bin"));
        QCOMPARE(int(hiddenNames(dir).size()), 0);
    }

    void savingOntoALinkReplacesItsTarget() {
        const std::string dir = freshFolder("links");
        writePlain(dir + "/model.bin", "old");
        ::chmod((dir + "/model.bin").c_str(), 0600);
        fs::create_symlink("model.bin", dir + "/latest.bin"); // relative, as `ln -s` makes them
        fs::create_symlink(dir + "/latest.bin", dir + "/chain.bin"); // a link to a link
        writeFileAtomically(dir + "/chain.bin", {"new"});
        QVERIFY(fs::is_symlink(dir + "/chain.bin"));
        QVERIFY(fs::is_symlink(dir + "/latest.bin"));
        QCOMPARE(QString::fromStdString(contentOf(dir + "/model.bin")), QString("new"));
        QCOMPARE(fs::status(dir + "/model.bin").permissions() & fs::perms::all,
                 fs::perms::owner_read |
                     fs::perms::owner_write); // the replaced file's mode is kept
        // A link to a file not written yet: the save creates that file.
        fs::create_symlink("future.bin", dir + "/dangling.bin");
        writeFileAtomically(dir + "/dangling.bin", {"first"});
        QVERIFY(fs::is_symlink(dir + "/dangling.bin"));
        QCOMPARE(QString::fromStdString(contentOf(dir + "/future.bin")), QString("first"));
        QCOMPARE(int(hiddenNames(dir).size()), 0);
    }

    void nonRegularFilesAreRefused() {
        const std::string dir = freshFolder("special");
        const std::string fifo = dir + "/model.bin";
        QCOMPARE(::mkfifo(fifo.c_str(), 0644), 0);
        QString err = QString::fromStdString(
            thrownMessage<IoError>([&] { writeFileAtomically(fifo, {"data"}); }));
        QVERIFY2(err.startsWith(QString::fromStdString(fifo + ": ")) && err.contains("a fifo"),
                 qPrintable(err));
        QVERIFY(fs::is_fifo(fifo));
        // A device through a link (never a device path itself: an unfixed save would
        // replace it, and as root that is the machine's /dev/full).
        fs::create_symlink("/dev/full", dir + "/device.bin");
        err = QString::fromStdString(
            thrownMessage<IoError>([&] { writeFileAtomically(dir + "/device.bin", {"data"}); }));
        QVERIFY2(err.contains("/dev/full, a character device"), qPrintable(err));
        QCOMPARE(fs::read_symlink(dir + "/device.bin").string(), std::string("/dev/full"));
        fs::create_directory(dir + "/folder.bin");
        err = QString::fromStdString(
            thrownMessage<IoError>([&] { writeFileAtomically(dir + "/folder.bin", {"data"}); }));
        QVERIFY2(err.contains("a folder"), qPrintable(err));
        QVERIFY(fs::is_directory(dir + "/folder.bin"));
        QCOMPARE(int(hiddenNames(dir).size()), 0);
    }

    void linkLoopsAreRefused() {
        const std::string dir = freshFolder("loop");
        fs::create_symlink("b.bin", dir + "/a.bin");
        fs::create_symlink("a.bin", dir + "/b.bin");
        const QString err = QString::fromStdString(
            thrownMessage<IoError>([&] { writeFileAtomically(dir + "/a.bin", {"data"}); }));
        QVERIFY2(err.contains("too many levels of symbolic links"), qPrintable(err));
    }

    void writabilityIsCheckedWithoutWriting() {
        const std::string dir = freshFolder("check");
        checkCanWriteAtomically(dir + "/new.bin");
        QVERIFY(!fs::exists(dir + "/new.bin"));
        writePlain(dir + "/file", "a file, not a folder");
        const std::string cases[][2] = {
            {dir + "/missing/m.bin", "the folder " + dir + "/missing does not exist"},
            {dir + "/file/m.bin", dir + "/file is not a folder"},
            {dir + "/", "names a folder"},
        };
        for (const auto& c : cases) {
            const QString err = QString::fromStdString(
                thrownMessage<IoError>([&] { checkCanWriteAtomically(c[0]); }));
            QVERIFY2(err.startsWith(QString::fromStdString(c[0])) &&
                         err.contains(QString::fromStdString(c[1])),
                     qPrintable(err));
        }
        QCOMPARE(int(hiddenNames(dir).size()), 0);
    }

    void aFullDiskIsFoundBeforeTheSave() {
        // No byte can be written (a file size limit of 0 fails writes as a full disk does).
        const std::string dir = freshFolder("full");
        writePlain(dir + "/model.bin", "old");
        std::string check, save;
        {
            // (Nothing printed in here: the test log may be a file too.)
            FileSizeLimit full(0);
            check = thrownMessage<IoError>([&] { checkCanWriteAtomically(dir + "/model.bin"); });
            save =
                thrownMessage<IoError>([&] { writeFileAtomically(dir + "/model.bin", {"new"}); });
        }
        QVERIFY2(QString::fromStdString(check).startsWith(
                     QString::fromStdString(dir + "/model.bin: cannot write in")),
                 check.c_str());
        QVERIFY2(QString::fromStdString(save).contains("cannot write"), save.c_str());
        QCOMPARE(QString::fromStdString(contentOf(dir + "/model.bin")), QString("old"));
        QCOMPARE(int(hiddenNames(dir).size()), 0);
    }

    void aReadOnlyFolderIsFoundBeforeTheSave() {
        if (::geteuid() == 0) QSKIP("root writes into read-only folders");
        const std::string dir = freshFolder("read-only");
        ::chmod(dir.c_str(), 0555);
        const QString err = QString::fromStdString(
            thrownMessage<IoError>([&] { checkCanWriteAtomically(dir + "/m.bin"); }));
        ::chmod(dir.c_str(), 0755);
        QVERIFY2(err.contains("Permission denied"), qPrintable(err));
    }

    void streamsMayGoToDevicesButNotFolders() {
        const std::string dir = freshFolder("streams");
        checkCanWriteStream("/dev/null");
        checkCanWriteStream(dir + "/history.csv");
        QVERIFY(!fs::exists(dir + "/history.csv"));
        writePlain(dir + "/kept.csv", "rows");
        checkCanWriteStream(dir + "/kept.csv");
        QCOMPARE(QString::fromStdString(contentOf(dir + "/kept.csv")),
                 QString("rows")); // not truncated
        QVERIFY(QString::fromStdString(thrownMessage<IoError>([&] {
                    checkCanWriteStream(dir);
                })).contains("is a folder"));
        QVERIFY(QString::fromStdString(thrownMessage<IoError>([&] {
                    checkCanWriteStream(dir + "/no/h.csv");
                })).contains("does not exist"));
    }

    void sameFileSeesThroughLinksAndDots() {
        const std::string dir = freshFolder("same");
        writePlain(dir + "/m.bin", "x");
        fs::create_symlink("m.bin", dir + "/link.bin");
        fs::create_hard_link(dir + "/m.bin", dir + "/hard.bin");
        QVERIFY(sameFile(dir + "/m.bin", dir + "/./m.bin"));
        QVERIFY(sameFile(dir + "/link.bin", dir + "/m.bin"));
        QVERIFY(sameFile(dir + "/hard.bin", dir + "/m.bin"));
        QVERIFY(sameFile(dir + "/new.csv", dir + "/../same/new.csv")); // not there yet
        QVERIFY(!sameFile(dir + "/m.bin", dir + "/new.csv"));
    }
};

CS_REGISTER_TEST(AtomicFileTest)
#include "test_atomic_file.moc"
