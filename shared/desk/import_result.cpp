#include "shared/desk/import_result.h"

#include "shared/common/message_catalogue.h"

namespace ducha::desk {

std::string RowError::text(Lang lang) const {
    return render(Msg::import_line_problem, {std::to_string(line), error.text(lang)}, lang);
}

std::string RowError::message() const {
    std::string zh = text(Lang::zh), en = text(Lang::en);
    return zh == en ? zh : zh + " / " + en;
}

}  // namespace ducha::desk
