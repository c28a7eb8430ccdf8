//! Writes a value as the Rust expression that builds it, through its serde
//! `Serialize`: the build script bakes the checked [`Catalog`] into a
//! `static` this way, so no data is parsed at run time and no field is
//! listed twice.
//!
//! It supports what the schema uses: structs (by value), `&'static str`,
//! `&'static [T]` (written `&[…]`, which a `static` promotes), `Option`,
//! numbers, booleans and unit enum variants, whose kebab-case serde names
//! are turned back into Rust's ("percent-change" → `Unit::PercentChange`).
//!
//! [`Catalog`]: crate::Catalog

use std::fmt::{self, Display};

use serde::Serialize;
use serde::ser::{self, Impossible};

/// Why a value could not be baked.
#[derive(Debug)]
pub struct BakeError(String);

impl Display for BakeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "cannot bake: {}", self.0)
    }
}

impl std::error::Error for BakeError {}

impl ser::Error for BakeError {
    fn custom<T: Display>(message: T) -> Self {
        BakeError(message.to_string())
    }
}

/// The Rust expression for `value`.
pub fn to_rust<T: Serialize + ?Sized>(value: &T) -> Result<String, BakeError> {
    value.serialize(Baker)
}

/// "percent-change" → "PercentChange".
pub fn variant_name(kebab: &str) -> String {
    kebab
        .split('-')
        .map(|part| {
            let mut chars = part.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_uppercase().chain(chars).collect()
            })
        })
        .collect()
}

struct Baker;

fn unsupported<T>(what: &str) -> Result<T, BakeError> {
    Err(BakeError(format!(
        "{what} is not part of the schema's shapes"
    )))
}

impl ser::Serializer for Baker {
    type Ok = String;
    type Error = BakeError;
    type SerializeSeq = Seq;
    type SerializeTuple = Impossible<String, BakeError>;
    type SerializeTupleStruct = Impossible<String, BakeError>;
    type SerializeTupleVariant = Impossible<String, BakeError>;
    type SerializeMap = Impossible<String, BakeError>;
    type SerializeStruct = Struct;
    type SerializeStructVariant = Impossible<String, BakeError>;

    fn serialize_bool(self, v: bool) -> Result<String, BakeError> {
        Ok(v.to_string())
    }
    fn serialize_i8(self, v: i8) -> Result<String, BakeError> {
        Ok(v.to_string())
    }
    fn serialize_i16(self, v: i16) -> Result<String, BakeError> {
        Ok(v.to_string())
    }
    fn serialize_i32(self, v: i32) -> Result<String, BakeError> {
        Ok(v.to_string())
    }
    fn serialize_i64(self, v: i64) -> Result<String, BakeError> {
        Ok(v.to_string())
    }
    fn serialize_u8(self, v: u8) -> Result<String, BakeError> {
        Ok(v.to_string())
    }
    fn serialize_u16(self, v: u16) -> Result<String, BakeError> {
        Ok(v.to_string())
    }
    fn serialize_u32(self, v: u32) -> Result<String, BakeError> {
        Ok(v.to_string())
    }
    fn serialize_u64(self, v: u64) -> Result<String, BakeError> {
        Ok(v.to_string())
    }
    fn serialize_f32(self, v: f32) -> Result<String, BakeError> {
        self.serialize_f64(f64::from(v))
    }
    fn serialize_f64(self, v: f64) -> Result<String, BakeError> {
        if !v.is_finite() {
            return Err(BakeError(format!("{v} is not a finite number")));
        }
        // Debug writes the shortest form that reads back the same, always
        // with a point or an exponent: a float literal.
        Ok(format!("{v:?}"))
    }
    fn serialize_char(self, v: char) -> Result<String, BakeError> {
        Ok(format!("{v:?}"))
    }
    fn serialize_str(self, v: &str) -> Result<String, BakeError> {
        Ok(format!("{v:?}"))
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<String, BakeError> {
        unsupported("bytes")
    }
    fn serialize_none(self) -> Result<String, BakeError> {
        Ok("None".into())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<String, BakeError> {
        Ok(format!("Some({})", value.serialize(Baker)?))
    }
    fn serialize_unit(self) -> Result<String, BakeError> {
        Ok("()".into())
    }
    fn serialize_unit_struct(self, name: &'static str) -> Result<String, BakeError> {
        Ok(name.into())
    }
    fn serialize_unit_variant(
        self,
        name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<String, BakeError> {
        Ok(format!("{name}::{}", variant_name(variant)))
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        value: &T,
    ) -> Result<String, BakeError> {
        Ok(format!("{name}({})", value.serialize(Baker)?))
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<String, BakeError> {
        unsupported("an enum variant with data")
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Seq, BakeError> {
        Ok(Seq(Vec::new()))
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, BakeError> {
        unsupported("a tuple")
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, BakeError> {
        unsupported("a tuple struct")
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, BakeError> {
        unsupported("an enum variant with data")
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, BakeError> {
        unsupported("a map")
    }
    fn serialize_struct(self, name: &'static str, _: usize) -> Result<Struct, BakeError> {
        Ok(Struct {
            name,
            fields: Vec::new(),
        })
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, BakeError> {
        unsupported("an enum variant with data")
    }
}

/// A slice, written `&[a, b]`.
struct Seq(Vec<String>);

impl ser::SerializeSeq for Seq {
    type Ok = String;
    type Error = BakeError;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), BakeError> {
        self.0.push(value.serialize(Baker)?);
        Ok(())
    }
    fn end(self) -> Result<String, BakeError> {
        Ok(format!("&[{}]", self.0.join(", ")))
    }
}

/// A struct literal, written `Name { field: value, … }`.
struct Struct {
    name: &'static str,
    fields: Vec<String>,
}

impl ser::SerializeStruct for Struct {
    type Ok = String;
    type Error = BakeError;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), BakeError> {
        self.fields
            .push(format!("{key}: {}", value.serialize(Baker)?));
        Ok(())
    }
    fn end(self) -> Result<String, BakeError> {
        Ok(format!("{} {{ {} }}", self.name, self.fields.join(", ")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Bound, Figure, Period, Unit};

    #[test]
    fn writes_the_expression_that_builds_the_value() {
        let figure = Figure {
            label: Some("Under \"30\""),
            value: 88.0,
            as_written: "88 percent",
            bound: Bound::MoreThan,
        };
        assert_eq!(
            to_rust(&figure).expect("bakes"),
            r#"Figure { label: Some("Under \"30\""), value: 88.0, as_written: "88 percent", bound: Bound::MoreThan }"#
        );
        assert_eq!(
            to_rust(&Some(Period {
                start: 2000,
                end: 2015
            }))
            .expect("bakes"),
            "Some(Period { start: 2000, end: 2015 })"
        );
        assert_eq!(
            to_rust(&Unit::PercentChange).expect("bakes"),
            "Unit::PercentChange"
        );
        assert_eq!(
            to_rust(&[1.5f64, -3.54e9][..]).expect("bakes"),
            "&[1.5, -3540000000.0]"
        );
    }

    #[test]
    fn refuses_what_a_static_cannot_hold() {
        assert!(to_rust(&f64::NAN).is_err());
        assert!(to_rust(&std::collections::BTreeMap::from([(1, 2)])).is_err());
    }
}
