#pragma once

namespace foidesk {

// Installs FOI Desk's own translations on the running application: the English plural forms
// always (Qt chooses between "1 passage withheld" and "2 passages withheld" only through a
// translation), then the user's language over them when one is shipped. A QCoreApplication
// must exist; the translators belong to it.
void installAppTranslations();

} // namespace foidesk
