// What the Spanish interface tests know about a .ts file (Qt Linguist's XML)
// and about English text: the entries with their state, and a judge that says
// whether a string a widget shows is still English.
//
// A shown string is English when it is the source text of an entry whose
// translation differs (tr() missed it or the wrong context was used), or when
// it has a word that only the English side of the .ts uses (a string that never
// went through tr() shares its words with the ones that did). Keras identifiers,
// units and the course's loanwords are allowed by an explicit list.
#pragma once

#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>
#include <vector>

namespace uitest {

struct TsMessage {
    QString context, source, translation;
    QStringList numerusForms; // plural forms (messages with %n)
    bool numerus = false;
    QString type; // "unfinished", "vanished", "obsolete" or empty (finished)
};

struct TsFile {
    QString language;
    std::vector<TsMessage> messages;
    QString error; // why the file could not be read
};

TsFile readTsFile(const QString& path);

// The %1 .. %99 and %n placeholders of a text, sorted (a translation must keep them all).
QStringList placeholdersOf(const QString& text);

// Words that stay the same in Spanish: Keras class and parameter names, units,
// file formats, and the loanwords the course itself uses.
bool isAllowedIdentical(const QString& text);

class EnglishJudge {
public:
    explicit EnglishJudge(const TsFile& ts);
    // Empty when `text` reads as Spanish; else why it is English.
    QString englishIn(const QString& text) const;
    // Names that stay as they are in every language (layer classes, their Keras keys).
    void allowIdentifiers(const QStringList& names);

private:
    QSet<QString> translated_, keptAsIs_; // sources (without '&') by what their translation does
    QSet<QString> englishWords_;
};

// The readable words of a shown text: HTML tags and '&' mnemonics removed, and
// tokens that are identifiers, paths, numbers or acronyms left out.
QStringList wordsOf(const QString& text);
QString plainText(const QString& maybeHtml);

} // namespace uitest
