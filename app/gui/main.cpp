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

    ui::initResources();
    // Before the first text: --help and every widget's text are translated when they are made.
    ui::installTranslators(ui::interfaceLanguage());

    // The window's options, in the interface's language ("convstudio" context of the .ts).
    const auto text = [](const char* english) { return QCoreApplication::translate("convstudio", english); };
    QCommandLineParser parser;
    parser.setApplicationDescription(text(
        QT_TRANSLATE_NOOP("convstudio", "Build, train and look inside convolutional neural networks.")));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(
        "file", text(QT_TRANSLATE_NOOP("convstudio",
                                       "A project (.convstudio.json), an architecture (.json), a trained "
                                       "model (.safetensors) or a Keras model (.h5, to_json) to open.")));
    QCommandLineOption fresh("new", text(QT_TRANSLATE_NOOP("convstudio",
                                                           "Start with the course's first CNN instead "
                                                           "of reopening the last project.")));
    const QString name = text(QT_TRANSLATE_NOOP("convstudio", "name"));
    QCommandLineOption page(
        "page",
        text(QT_TRANSLATE_NOOP("convstudio",
                               "Open on a page: model, data, train, inspect, classify or playground.")),
        name);
    QCommandLineOption theme(
        "theme", text(QT_TRANSLATE_NOOP("convstudio", "Colour theme for this run: system, light or dark.")),
        name);
    parser.addOption(fresh);
    parser.addOption(page);
    parser.addOption(theme);
    parser.process(app);

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
