#include "shared/policy/field_diff.h"

#include <google/protobuf/descriptor.h>
#include <google/protobuf/unknown_field_set.h>

namespace ducha::policy {

namespace gpb = google::protobuf;

namespace {

bool element_equal(const gpb::Message& a, const gpb::Message& b, const gpb::FieldDescriptor* f, int i) {
    const auto* ra = a.GetReflection();
    const auto* rb = b.GetReflection();
    switch (f->cpp_type()) {
        case gpb::FieldDescriptor::CPPTYPE_INT32: return ra->GetRepeatedInt32(a, f, i) == rb->GetRepeatedInt32(b, f, i);
        case gpb::FieldDescriptor::CPPTYPE_INT64: return ra->GetRepeatedInt64(a, f, i) == rb->GetRepeatedInt64(b, f, i);
        case gpb::FieldDescriptor::CPPTYPE_UINT32: return ra->GetRepeatedUInt32(a, f, i) == rb->GetRepeatedUInt32(b, f, i);
        case gpb::FieldDescriptor::CPPTYPE_UINT64: return ra->GetRepeatedUInt64(a, f, i) == rb->GetRepeatedUInt64(b, f, i);
        case gpb::FieldDescriptor::CPPTYPE_DOUBLE: return ra->GetRepeatedDouble(a, f, i) == rb->GetRepeatedDouble(b, f, i);
        case gpb::FieldDescriptor::CPPTYPE_FLOAT: return ra->GetRepeatedFloat(a, f, i) == rb->GetRepeatedFloat(b, f, i);
        case gpb::FieldDescriptor::CPPTYPE_BOOL: return ra->GetRepeatedBool(a, f, i) == rb->GetRepeatedBool(b, f, i);
        case gpb::FieldDescriptor::CPPTYPE_ENUM: return ra->GetRepeatedEnumValue(a, f, i) == rb->GetRepeatedEnumValue(b, f, i);
        case gpb::FieldDescriptor::CPPTYPE_STRING: return ra->GetRepeatedString(a, f, i) == rb->GetRepeatedString(b, f, i);
        case gpb::FieldDescriptor::CPPTYPE_MESSAGE:
            return ra->GetRepeatedMessage(a, f, i).SerializeAsString() == rb->GetRepeatedMessage(b, f, i).SerializeAsString();
    }
    return false;
}

bool singular_equal(const gpb::Message& a, const gpb::Message& b, const gpb::FieldDescriptor* f) {
    const auto* ra = a.GetReflection();
    const auto* rb = b.GetReflection();
    switch (f->cpp_type()) {
        case gpb::FieldDescriptor::CPPTYPE_INT32: return ra->GetInt32(a, f) == rb->GetInt32(b, f);
        case gpb::FieldDescriptor::CPPTYPE_INT64: return ra->GetInt64(a, f) == rb->GetInt64(b, f);
        case gpb::FieldDescriptor::CPPTYPE_UINT32: return ra->GetUInt32(a, f) == rb->GetUInt32(b, f);
        case gpb::FieldDescriptor::CPPTYPE_UINT64: return ra->GetUInt64(a, f) == rb->GetUInt64(b, f);
        case gpb::FieldDescriptor::CPPTYPE_DOUBLE: return ra->GetDouble(a, f) == rb->GetDouble(b, f);
        case gpb::FieldDescriptor::CPPTYPE_FLOAT: return ra->GetFloat(a, f) == rb->GetFloat(b, f);
        case gpb::FieldDescriptor::CPPTYPE_BOOL: return ra->GetBool(a, f) == rb->GetBool(b, f);
        case gpb::FieldDescriptor::CPPTYPE_ENUM: return ra->GetEnumValue(a, f) == rb->GetEnumValue(b, f);
        case gpb::FieldDescriptor::CPPTYPE_STRING: return ra->GetString(a, f) == rb->GetString(b, f);
        case gpb::FieldDescriptor::CPPTYPE_MESSAGE:
            if (ra->HasField(a, f) != rb->HasField(b, f)) return false;
            return ra->GetMessage(a, f).SerializeAsString() == rb->GetMessage(b, f).SerializeAsString();
    }
    return false;
}

}  // namespace

std::vector<std::string> changed_fields(const gpb::Message& a, const gpb::Message& b) {
    std::vector<std::string> out;
    const auto* desc = a.GetDescriptor();
    if (desc != b.GetDescriptor()) throw std::logic_error("changed_fields: messages of different types");
    for (int i = 0; i < desc->field_count(); ++i) {
        const auto* f = desc->field(i);
        bool equal = true;
        if (f->is_repeated()) {
            int n = a.GetReflection()->FieldSize(a, f);
            equal = n == b.GetReflection()->FieldSize(b, f);
            for (int k = 0; equal && k < n; ++k) equal = element_equal(a, b, f, k);
        } else {
            equal = singular_equal(a, b, f);
        }
        if (!equal) out.push_back(f->name());
    }
    return out;
}

int first_unknown_field(const gpb::Message& m) {
    const auto* r = m.GetReflection();
    const auto& unknown = r->GetUnknownFields(m);
    if (unknown.field_count() > 0) return unknown.field(0).number();
    std::vector<const gpb::FieldDescriptor*> set;
    r->ListFields(m, &set);
    for (const auto* f : set) {
        if (f->cpp_type() != gpb::FieldDescriptor::CPPTYPE_MESSAGE) continue;
        if (f->is_repeated()) {
            for (int k = 0; k < r->FieldSize(m, f); ++k)
                if (int n = first_unknown_field(r->GetRepeatedMessage(m, f, k))) return n;
        } else if (int n = first_unknown_field(r->GetMessage(m, f))) {
            return n;
        }
    }
    return 0;
}

Status take_fields(gpb::Message& into, const gpb::Message& from, const std::vector<std::string>& names) {
    const auto* desc = into.GetDescriptor();
    for (const auto& name : names) {
        const auto* f = desc->FindFieldByName(name);
        if (!f) return fail(Errc::invalid_argument, Msg::unknown_field, name);
        // Copy one field: clear it, then merge a copy of `from` holding only that field.
        std::unique_ptr<gpb::Message> one(from.New());
        one->CopyFrom(from);
        std::vector<const gpb::FieldDescriptor*> all;
        one->GetReflection()->ListFields(*one, &all);
        for (const auto* g : all)
            if (g != f) one->GetReflection()->ClearField(one.get(), g);
        into.GetReflection()->ClearField(&into, f);
        into.MergeFrom(*one);
    }
    return {};
}

}  // namespace ducha::policy
