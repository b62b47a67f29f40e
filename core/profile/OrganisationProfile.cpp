#include "profile/OrganisationProfile.h"

#include "profile/ProfileChecks.h"
#include "profile/ProfileJson.h"
#include "profile/TemplateCatalogue.h"
#include "util/BuiltInData.h"
#include "util/LiveLogFiles.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImageReader>
#include <QLocale>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace foidesk {

QStringList OrganisationProfile::templateKeys()
{
    return TemplateCatalogue::keys();
}

QString OrganisationProfile::templateDescription(const QString &key)
{
    return TemplateCatalogue::description(key);
}

Result<OrganisationProfile> OrganisationProfile::parse(const QByteArray &json)
{
    return ProfileJson::parse(json);
}

QByteArray OrganisationProfile::serialize() const
{
    return ProfileJson::serialize(*this);
}

Result<void> OrganisationProfile::validate() const
{
    return ProfileChecks::validate(*this);
}

const RegulatorContact &OrganisationProfile::regulatorFor(Regime regime) const
{
    return (regime == Regime::FOISA || regime == Regime::EIRS) ? regulatorScotland : regulatorUk;
}

QString OrganisationProfile::effectiveReviewEmail() const
{
    return reviewEmail.trimmed().isEmpty() ? email : reviewEmail;
}

QString OrganisationProfile::effectiveReviewAddress() const
{
    return reviewAddress.trimmed().isEmpty() ? address : reviewAddress;
}

QString OrganisationProfile::formatDate(const QDate &date) const
{
    if (!date.isValid())
        return {};
    // Letters go out in English whatever the desktop's language, so the month names are fixed.
    return QLocale(QLocale::English, QLocale::UnitedKingdom).toString(date, dateFormat);
}

QString OrganisationProfile::addressedName(const Requester &requester) const
{
    const QString typed = requester.name.simplified();
    if (requester.kind == RequesterKind::Company || requester.kind == RequesterKind::Campaign)
        return typed;
    QStringList words = typed.split(u' ', Qt::SkipEmptyParts);
    if (words.size() < 2)
        return typed;
    static const QStringList titles = {u"mr"_s,   u"mrs"_s,  u"ms"_s,       u"miss"_s, u"mx"_s,
                                       u"dr"_s,   u"prof"_s, u"professor"_s, u"rev"_s,  u"revd"_s,
                                       u"reverend"_s, u"cllr"_s, u"councillor"_s, u"sir"_s, u"dame"_s,
                                       u"lord"_s, u"lady"_s};
    QString title = words.constFirst();
    QString bare = title.toCaseFolded();
    if (bare.endsWith(u'.'))
        bare.chop(1);
    if (!titles.contains(bare))
        return typed;
    words.removeFirst();
    if (salutation == SalutationStyle::FullName)
        return words.join(u' ');
    // A knight or dame is addressed by the first name ("Sir Alex"); everyone else by surname.
    const bool firstName = bare == u"sir"_s || bare == u"dame"_s;
    return title + u' ' + (firstName ? words.constFirst() : words.constLast());
}

Result<OrganisationProfile> OrganisationProfile::defaults()
{
    return parseBuiltInData(QStringLiteral(":/templates/default-profile.json"),
                            OrganisationProfile::tr("the default letter wording"),
                            &parse);
}

Result<OrganisationProfile> OrganisationProfile::readFile(const QString &path)
{
    const QString shown = QDir::toNativeSeparators(path);
    if (const Result<void> live = LiveLogFiles::refuse(path, QString()); !live)
        return live.error();
    QFile file(path);
    if (!file.exists()) {
        return Error(ErrorKind::NotFound,
                     OrganisationProfile::tr("%1: no such file; check the name and folder").arg(shown));
    }
    if (!file.open(QIODevice::ReadOnly)) {
        return Error(ErrorKind::Io, OrganisationProfile::tr("%1: cannot be read (%2)").arg(shown, file.errorString()));
    }
    if (file.size() > MaxFileBytes) {
        return Error(ErrorKind::BadInput,
                     OrganisationProfile::tr("%1: the file is %2 bytes, larger than any profile can be (%3 bytes); "
                        "check that it is the right file")
                         .arg(shown)
                         .arg(file.size())
                         .arg(MaxFileBytes));
    }
    Result<OrganisationProfile> parsed = parse(file.readAll());
    if (!parsed)
        return Error(parsed.errorKind(), shown + QStringLiteral(": ") + parsed.errorMessage());
    return parsed;
}

Result<void> OrganisationProfile::writeFile(const QString &path) const
{
    const QString shown = QDir::toNativeSeparators(path);
    if (const Result<void> live = LiveLogFiles::refuse(path, QString()); !live)
        return live;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return Error(
            ErrorKind::Io,
            OrganisationProfile::tr("%1: cannot be written (%2); choose another folder").arg(shown, file.errorString()));
    }
    const QByteArray data = serialize();
    if (file.write(data) != data.size() || !file.commit()) {
        const bool full = file.error() == QFileDevice::ResourceError;
        return Error(full ? ErrorKind::DiskFull : ErrorKind::Io,
                     full ? OrganisationProfile::tr("%1: the disk is full; free some space and save again").arg(shown)
                          : OrganisationProfile::tr("%1: cannot be written (%2); choose another folder")
                                .arg(shown, file.errorString()));
    }
    return {};
}

Result<QImage> OrganisationProfile::logo() const
{
    QByteArray data = logoData;
    QString shown = OrganisationProfile::tr("the embedded logo");
    if (data.isEmpty() && !logoFile.isEmpty()) {
        shown = QDir::toNativeSeparators(logoFile);
        if (const Result<void> live = LiveLogFiles::refuse(logoFile, QString()); !live)
            return live.error();
        QFile file(logoFile);
        if (!file.open(QIODevice::ReadOnly)) {
            return Error(ErrorKind::BadInput,
                         OrganisationProfile::tr("The logo %1 cannot be read (%2); choose the logo again in Settings.")
                             .arg(shown, file.errorString()));
        }
        data = file.readAll();
    }
    if (data.isEmpty())
        return QImage();

    QBuffer buffer(&data);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    // A vector logo is rasterised large enough to stay sharp when printed.
    if (ProfileChecks::looksLikeSvg(data) && reader.size().isValid())
        reader.setScaledSize(reader.size().scaled(1200, 1200, Qt::KeepAspectRatio));
    QImage image = reader.read();
    if (image.isNull()) {
        return Error(ErrorKind::BadInput,
                     OrganisationProfile::tr("The logo %1 is not an image FOI Desk can read (%2); use a PNG or SVG "
                        "file.")
                         .arg(shown, reader.errorString()));
    }
    return image;
}

} // namespace foidesk
