//! The package's Custom Elements Manifest (`custom-elements.json`, schema
//! 2.1), written from the surface table: what editors, documentation
//! tools and Storybook read to know the element's attributes, properties,
//! events, CSS custom properties, slot and parts.

use serde_json::{Value, json};

use super::surface::{
    self, ATTRIBUTES, CLASS, CSS_PARTS, CSS_PROPERTIES, Default, EVENTS, FUNCTIONS, Field, MEMBERS,
    SLOTS, TAG,
};
use super::{CLASS_MODULE, DEFINE_MODULE};

const SCHEMA_VERSION: &str = "2.1.0";

fn ty(text: &str) -> Value {
    json!({ "text": text })
}

/// An event's `detail` written out as a TypeScript object type, so that the
/// manifest says what it holds without the declarations beside it.
fn detail_type(fields: &[Field]) -> String {
    let fields: Vec<String> = fields
        .iter()
        .map(|f| format!("{}: {}", f.name, f.ty))
        .collect();
    format!("CustomEvent<{{ {} }}>", fields.join("; "))
}

fn described(name: &str, description: &str) -> Value {
    json!({ "name": name, "description": description })
}

fn element() -> Value {
    let attributes: Vec<Value> = ATTRIBUTES
        .iter()
        .map(|a| {
            let mut attribute = json!({
                "name": a.name,
                "description": a.description,
                "type": ty(a.ty),
                "fieldName": a.property,
            });
            if let Default::Value(value) = a.default {
                attribute["default"] = json!(value);
            }
            attribute
        })
        .collect();
    let reflected = ATTRIBUTES.iter().map(|a| {
        let mut field = json!({
            "kind": "field",
            "name": a.property,
            "description": a.description,
            "type": ty(a.ty),
            "attribute": a.name,
            "reflects": true,
        });
        if let Default::Value(value) = a.default {
            field["default"] = json!(format!("'{value}'"));
        }
        field
    });
    let others = MEMBERS.iter().map(|m| {
        if m.method {
            json!({
                "kind": "method",
                "name": m.name,
                "description": m.description,
                "return": { "type": ty(m.ty) },
            })
        } else {
            json!({
                "kind": "field",
                "name": m.name,
                "description": m.description,
                "type": ty(m.ty),
                "readonly": m.readonly,
            })
        }
    });
    let members: Vec<Value> = reflected.chain(others).collect();
    let events: Vec<Value> = EVENTS
        .iter()
        .map(|e| {
            let fields: Vec<String> = e
                .detail
                .iter()
                .map(|f| format!("`{}`: {}", f.name, f.description))
                .collect();
            json!({
                "name": e.name,
                "description": format!("{} It bubbles and crosses shadow roots. Its detail: {}", e.description, fields.join(" ")),
                "type": ty(&detail_type(e.detail)),
            })
        })
        .collect();
    let css_properties: Vec<Value> = CSS_PROPERTIES
        .iter()
        .map(|p| {
            let readable = if p.readable.is_empty() {
                String::new()
            } else {
                format!("; kept readable at {}", p.readable)
            };
            json!({
                "name": p.name,
                "syntax": p.syntax,
                "description": format!("Sets {}{readable}.", p.sets),
            })
        })
        .collect();
    json!({
        "kind": "class",
        "name": CLASS,
        "description": surface::DESCRIPTION,
        "customElement": true,
        "tagName": TAG,
        "superclass": { "name": "HTMLElement", "package": "global:" },
        "attributes": attributes,
        "members": members,
        "events": events,
        "cssProperties": css_properties,
        "slots": SLOTS.iter().map(|s| described(s.name, s.description)).collect::<Vec<_>>(),
        "cssParts": CSS_PARTS.iter().map(|p| described(p.name, p.description)).collect::<Vec<_>>(),
    })
}

fn functions() -> impl Iterator<Item = Value> {
    FUNCTIONS.iter().map(|f| {
        let parameters: Vec<Value> = f
            .parameters
            .iter()
            .map(|p| {
                json!({
                    "name": p.name,
                    "description": p.description,
                    "type": ty(p.ty),
                    "optional": p.optional,
                })
            })
            .collect();
        json!({
            "kind": "function",
            "name": f.name,
            "description": f.description,
            "parameters": parameters,
            "return": { "type": ty(f.returns) },
        })
    })
}

fn export(name: &str) -> Value {
    json!({
        "kind": "js",
        "name": name,
        "declaration": { "name": name, "module": CLASS_MODULE },
    })
}

/// `custom-elements.json`.
pub fn manifest() -> serde_json::Result<String> {
    let declarations: Vec<Value> = std::iter::once(element()).chain(functions()).collect();
    let exported: Vec<&str> = std::iter::once(CLASS)
        .chain(FUNCTIONS.iter().map(|f| f.name))
        .collect();
    let define_exports: Vec<Value> = std::iter::once(json!({
        "kind": "custom-element-definition",
        "name": TAG,
        "declaration": { "name": CLASS, "module": CLASS_MODULE },
    }))
    .chain(exported.iter().map(|name| export(name)))
    .collect();
    let manifest = json!({
        "schemaVersion": SCHEMA_VERSION,
        "readme": "README.md",
        "modules": [
            {
                "kind": "javascript-module",
                "path": CLASS_MODULE,
                "description": "The element's class and the module's settings, without defining the element.",
                "declarations": declarations,
                "exports": exported.iter().map(|name| export(name)).collect::<Vec<_>>(),
            },
            {
                "kind": "javascript-module",
                "path": DEFINE_MODULE,
                "description": format!("Defines <{TAG}> when imported, and exports what {CLASS_MODULE} does."),
                "declarations": [],
                "exports": define_exports,
            },
        ],
    });
    Ok(serde_json::to_string_pretty(&manifest)? + "\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed() -> Value {
        serde_json::from_str(&manifest().expect("written")).expect("the manifest is JSON")
    }

    #[test]
    fn the_manifest_describes_every_part_of_the_surface() {
        let manifest = parsed();
        let element = &manifest["modules"][0]["declarations"][0];
        assert_eq!(element["tagName"], TAG);
        let names = |key: &str| -> Vec<String> {
            element[key]
                .as_array()
                .expect(key)
                .iter()
                .map(|v| v["name"].as_str().expect("a name").to_string())
                .collect()
        };
        assert_eq!(
            names("attributes"),
            ATTRIBUTES.iter().map(|a| a.name).collect::<Vec<_>>()
        );
        assert_eq!(
            names("events"),
            EVENTS.iter().map(|e| e.name).collect::<Vec<_>>()
        );
        assert_eq!(names("cssProperties").len(), 5);
        assert_eq!(names("cssParts").len(), CSS_PARTS.len());
        // Defaults are the table's, and only where the table gives a value.
        for (attribute, written) in ATTRIBUTES
            .iter()
            .zip(element["attributes"].as_array().expect("attributes"))
        {
            match attribute.default {
                Default::Value(value) => assert_eq!(written["default"], value),
                _ => assert!(written.get("default").is_none(), "{written}"),
            }
        }
        let define = &manifest["modules"][1];
        assert_eq!(define["path"], DEFINE_MODULE);
        assert_eq!(define["exports"][0]["kind"], "custom-element-definition");
    }
}
