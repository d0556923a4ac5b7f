// Which physical format each accepted identity document has.
#include "data/imaging/document_format.hpp"

namespace madoguchi {

DocumentFormat document_format(DocumentType type) {
    switch (type) {
        case DocumentType::passport: return kPassportPageFormat;
        case DocumentType::residence_record: return kA4Format;
        case DocumentType::drivers_license:
        case DocumentType::health_insurance_card:
        case DocumentType::residence_card:
        case DocumentType::my_number_card_front: return kIdCardFormat;
    }
    return kIdCardFormat;
}

}  // namespace madoguchi
