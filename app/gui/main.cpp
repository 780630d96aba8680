// convstudio: the ConvStudio desktop application. Everything but the
// QApplication set-up lives in the ui library (ui/window/main_window.h).
//
//   convstudio [PROJECT | ARCHITECTURE.json | MODEL.safetensors]
#include "ui/window/icons.h"
#include "ui/window/language.h"
#include "ui/window/main_window.h"
#include "ui/window/theme.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QSettings>

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setOrganizationName("ConvStudio");
    QApplication::setApplicationName("ConvStudio");
    QApplication::setApplicationDisplayName("ConvStudio");
    QApplication::setApplicationVersion(CONVSTUDIO_VERSION);
    QApplication::setDesktopFileName("org.convstudio.ConvStudio");

    QCommandLineParser parser;
    parser.setApplicationDescription("Build, train and look inside convolutional neural networks.");
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(
        "file", "A project (.convstudio.json), an architecture (.json), a trained "
                "model (.safetensors) or a Keras model (.h5, to_json) to open.");
    QCommandLineOption fresh(
        "new", "Start with the course's first CNN instead of reopening the last project.");
    QCommandLineOption page(
        "page", "Open on a page: model, data, train, inspect, classify or playground.", "name");
    QCommandLineOption theme("theme", "Colour theme for this run: system, light or dark.", "name");
    parser.addOption(fresh);
    parser.addOption(page);
    parser.addOption(theme);
    parser.process(app);

    ui::initResources();
    // Before the first widget: every text is translated when it is set.
    ui::installTranslators(ui::interfaceLanguage());
    const QString themeName =
        parser.isSet(theme) ? parser.value(theme) : QSettings().value("theme", "system").toString();
    ui::applyTheme(ui::themeFromName(themeName));
    ui::StartupOptions options;
    options.restoreSession = !parser.isSet(fresh);
    const QStringList pages = {"model", "data", "train", "inspect", "classify", "playground"};
    if (parser.isSet(page)) options.page = int(pages.indexOf(parser.value(page).toLower()));
    if (!parser.positionalArguments().isEmpty())
        options.fileToOpen = parser.positionalArguments().first();
    ui::MainWindow window(options);
    // A window closed while training is hidden first (Qt then sees no visible window
    // close), so quitting follows the window's own word that it closed.
    QObject::connect(&window, &ui::MainWindow::closed, &app, &QCoreApplication::quit,
                     Qt::QueuedConnection);
    window.show();
    return app.exec();
}
