#include "tests/ui/translation_check.h"

#include <QFile>
#include <QRegularExpression>
#include <QTextDocumentFragment>
#include <QXmlStreamReader>
#include <algorithm>

namespace uitest {

TsFile readTsFile(const QString& path) {
    TsFile ts;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        ts.error = path + ": cannot be read";
        return ts;
    }
    QXmlStreamReader xml(&file);
    QString context;
    TsMessage message;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement()) continue;
        const auto name = xml.name();
        if (name == QLatin1String("TS")) {
            ts.language = xml.attributes().value("language").toString();
        } else if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            message = TsMessage();
            message.context = context;
            message.numerus = xml.attributes().value("numerus") == QLatin1String("yes");
        } else if (name == QLatin1String("source")) {
            message.source = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            message.type = xml.attributes().value("type").toString();
            if (message.numerus) {
                while (xml.readNextStartElement())
                    message.numerusForms << xml.readElementText(); // <numerusform>
            } else {
                message.translation = xml.readElementText();
            }
            ts.messages.push_back(message);
        }
    }
    if (xml.hasError()) ts.error = path + ": " + xml.errorString();
    return ts;
}

QStringList placeholdersOf(const QString& text) {
    static const QRegularExpression placeholder(QStringLiteral("%(n|[1-9][0-9]?)"));
    QStringList found;
    for (auto it = placeholder.globalMatch(text); it.hasNext();)
        found << it.next().captured(0);
    found.sort();
    found.removeDuplicates();
    return found;
}

namespace {

// Kept as they are in Spanish: Keras names and keys, metrics' usual names,
// units and formats, and the terms the course's Spanish text uses as they are.
const QSet<QString>& identicalWords() {
    // clang-format off
    static const QSet<QString> words = {
        "adam", "sgd", "rmsprop", "relu", "sigmoid", "tanh", "softmax", "linear", "valid", "same",
        "conv2d", "dense", "flatten", "dropout", "max", "min", "pooling", "padding", "stride",
        "strides", "kernel", "kernels", "batch", "dataset", "epsilon", "momentum", "nesterov",
        "accuracy", "loss", "val", "lr", "top", "grad", "cam", "gamma", "beta", "none", "true",
        "false", "px", "ms", "img", "log", "csv", "png", "svg", "json", "onnx", "keras",
        "pytorch", "python", "mnist", "fashion", "cifar", "idx", "rgb", "zoom", "macro",
        "recall", "score", "f1", "earlystopping", "modelcheckpoint", "reducelronplateau",
        "convstudio", "qt", "eigen", "onetbb", "opencv", "pool", "playground", "checkpoint",
        "checkpoints", "callback", "callbacks",
        // Formulas: out = floor((n - k) / s) + 1.
        "out", "floor", "ceil",
        // Spelled the same in Spanish.
        "total", "normal", "general", "error",
    };
    // clang-format on
    return words;
}

// Whole labels that are Keras's own argument names (the course writes them so).
const QSet<QString>& kerasArguments() {
    static const QSet<QString> names = {
        "name",    "trainable", "optimizer", "epochs", "seed",     "monitor", "patience",
        "filepath", "factor",   "rescale",   "mean",   "std",      "fit()",   "interpolation",
    };
    return names;
}

bool isIdentifierToken(const QString& token) {
    static const QRegularExpression camel(QStringLiteral("^[A-Za-z]+[a-z][A-Z]")); // MaxPooling2D
    static const QRegularExpression acronym(
        QStringLiteral("^[A-Z0-9\\-]{2,}$")); // CSV, ONNX, CIFAR-10
    return token.contains(QRegularExpression(QStringLiteral("[0-9_/\\\\.=@:]"))) ||
           camel.match(token).hasMatch() || acronym.match(token).hasMatch();
}

} // namespace

QString plainText(const QString& maybeHtml) {
    QString text = maybeHtml;
    if (text.contains('<')) text = QTextDocumentFragment::fromHtml(text).toPlainText();
    text.replace(QStringLiteral("&&"), QStringLiteral("\x01"));
    text.remove('&');
    text.replace('\x01', '&');
    return text;
}

QStringList wordsOf(const QString& text) {
    QStringList words;
    static const QRegularExpression space(QStringLiteral("\\s+"));
    static const QRegularExpression letters(QStringLiteral("[^\\p{L}']+"));
    for (QString token : plainText(text).split(space, Qt::SkipEmptyParts)) {
        // Surrounding punctuation does not make a token an identifier: "(relu)," "model."
        static const QRegularExpression edges(QStringLiteral("^[\\p{P}\\p{S}]+|[\\p{P}\\p{S}]+$"));
        token.remove(edges);
        if (token.isEmpty() || token.startsWith('%') || isIdentifierToken(token)) continue;
        for (const QString& w : token.split(letters, Qt::SkipEmptyParts)) {
            QString word = w.toLower();
            word.remove(QRegularExpression(QStringLiteral("^'+|'+$|'s$")));
            if (word.size() >= 2) words << word;
        }
    }
    return words;
}

bool isAllowedIdentical(const QString& text) {
    const QString t = plainText(text).trimmed();
    if (t.isEmpty() || kerasArguments().contains(t)) return true;
    // Only placeholders, numbers, units and symbols: "%1 %", "%1 px", "× %1", "…".
    const QStringList words = wordsOf(t);
    for (const QString& w : words)
        if (!identicalWords().contains(w)) return false;
    return true;
}

EnglishJudge::EnglishJudge(const TsFile& ts) {
    QSet<QString> english, spanish;
    for (const TsMessage& m : ts.messages) {
        const QString translation = m.numerus ? m.numerusForms.join(' ') : m.translation;
        const QString source = plainText(m.source).trimmed();
        if (plainText(translation).trimmed() == source)
            keptAsIs_.insert(source); // a Keras name, in this context at least
        else
            translated_.insert(source);
        for (const QString& w : wordsOf(m.source))
            english.insert(w);
        for (const QString& w : wordsOf(translation))
            spanish.insert(w);
    }
    englishWords_ = english - spanish - identicalWords();
}

void EnglishJudge::allowIdentifiers(const QStringList& names) {
    for (const QString& name : names) {
        keptAsIs_.insert(name);
        englishWords_.remove(name.toLower());
    }
}

QString EnglishJudge::englishIn(const QString& text) const {
    const QString plain = plainText(text).trimmed();
    if (plain.isEmpty()) return {};
    if (translated_.contains(plain) && !keptAsIs_.contains(plain))
        return QStringLiteral("untranslated source text");
    QStringList found;
    for (const QString& w : wordsOf(plain))
        if (englishWords_.contains(w) && !found.contains(w)) found << w;
    return found.isEmpty() ? QString() : QStringLiteral("English words: ") + found.join(", ");
}

} // namespace uitest
