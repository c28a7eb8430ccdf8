//! The package's TypeScript declarations, written from the surface table:
//! the element's class (attributes' properties, other properties and
//! methods), each event's `detail`, the events in the DOM's event maps
//! (they bubble, so a listener on any ancestor is typed too),
//! `HTMLElementTagNameMap`, and React 19's `JSX.IntrinsicElements`, where
//! a listener is a prop named `on` + the event's name.

use super::CLASS_MODULE;
use super::surface::{
    ATTRIBUTES, CLASS, DESCRIPTION, Default, EVENTS, FUNCTIONS, Field, MEMBERS, TAG,
};

/// A JSDoc comment, indented.
fn doc(text: &str, indent: &str) -> String {
    format!("{indent}/** {} */\n", text.replace("*/", "*\\/"))
}

/// A property name as TypeScript needs it written (quoted if not an identifier).
fn key(name: &str) -> String {
    if name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        name.to_string()
    } else {
        format!("'{name}'")
    }
}

fn fields(fields: &[Field], indent: &str) -> String {
    fields
        .iter()
        .map(|f| {
            let optional = if f.optional { "?" } else { "" };
            format!(
                "{}{indent}{}{optional}: {};\n",
                doc(f.description, indent),
                key(f.name),
                f.ty
            )
        })
        .collect()
}

fn event_type(detail_type: &str) -> String {
    format!("CustomEvent<{detail_type}>")
}

fn attribute_doc(description: &str, default: Default) -> String {
    match default {
        Default::Required => format!("{description} Required."),
        Default::Value(value) => format!("{description} Default: `{value}`."),
        Default::Described(words) => format!("{description} Default: {words}."),
    }
}

/// `element.d.ts`: everything the class entry exports, and the global and
/// React declarations.
pub fn element_declarations() -> String {
    let mut out = format!(
        "// Generated from src/package/surface.rs by the build. Do not edit.\n\
         // <{TAG}>: its class, attributes, properties and events, and the module's settings.\n\n"
    );
    for event in EVENTS {
        out += &doc(&format!("The `detail` of `{}`.", event.name), "");
        out += &format!(
            "export interface {} {{\n{}}}\n\n",
            event.detail_type,
            fields(event.detail, "  ")
        );
    }

    out += &doc(
        &format!("The events <{TAG}> dispatches. Each bubbles and crosses shadow roots."),
        "",
    );
    out += &format!("export interface {CLASS}EventMap {{\n");
    for event in EVENTS {
        out += &doc(event.description, "  ");
        out += &format!("  '{}': {};\n", event.name, event_type(event.detail_type));
    }
    out += "}\n\n";

    out += &doc(
        &format!("The attributes of <{TAG}>, as markup and JSX write them."),
        "",
    );
    out += &format!("export interface {CLASS}Attributes {{\n");
    for attribute in ATTRIBUTES {
        let optional = if attribute.default == Default::Required {
            ""
        } else {
            "?"
        };
        out += &doc(
            &attribute_doc(attribute.description, attribute.default),
            "  ",
        );
        out += &format!("  {}{optional}: {};\n", key(attribute.name), attribute.ty);
    }
    out += "}\n\n";

    out += &doc(DESCRIPTION, "");
    out += &format!("export declare class {CLASS} extends HTMLElement {{\n");
    out += "  static readonly observedAttributes: string[];\n";
    for attribute in ATTRIBUTES {
        out += &doc(
            &format!(
                "{} Reflects the `{}` attribute.",
                attribute_doc(attribute.description, attribute.default),
                attribute.name
            ),
            "  ",
        );
        out += &format!("  {}: {};\n", attribute.property, attribute.ty);
    }
    for member in MEMBERS {
        out += &doc(member.description, "  ");
        let readonly = if member.readonly { "readonly " } else { "" };
        let call = if member.method { "()" } else { "" };
        out += &format!("  {readonly}{}{call}: {};\n", member.name, member.ty);
    }
    out += "}\n\n";

    for function in FUNCTIONS {
        let parameters: Vec<String> = function
            .parameters
            .iter()
            .map(|p| format!("{}{}: {}", p.name, if p.optional { "?" } else { "" }, p.ty))
            .collect();
        let params_doc: String = function
            .parameters
            .iter()
            .map(|p| format!("\n * @param {} {}", p.name, p.description))
            .collect();
        out += &format!("/**\n * {}{params_doc}\n */\n", function.description);
        out += &format!(
            "export declare function {}({}): {};\n\n",
            function.name,
            parameters.join(", "),
            function.returns
        );
    }

    out += "declare global {\n";
    out += &format!("  interface HTMLElementTagNameMap {{\n    '{TAG}': {CLASS};\n  }}\n");
    out += "  // The events bubble: a listener on the element, or on any ancestor, is typed.\n";
    out += "  interface GlobalEventHandlersEventMap {\n";
    for event in EVENTS {
        out += &format!("    '{}': {};\n", event.name, event_type(event.detail_type));
    }
    out += "  }\n}\n\n";

    out += "// React 19 sets a custom element's props as properties where it has them\n";
    out += "// (else as attributes), and adds a listener for each `on` + event name prop.\n";
    out += "// The props a <span> takes (className, style, onClick, …) come from React's\n";
    out += "// own IntrinsicElements, looked up so that nothing here names React's types:\n";
    out += "// a program without @types/react type-checks these declarations too.\n";
    out += "declare module 'react' {\n  namespace JSX {\n    interface IntrinsicElements {\n";
    out += &format!(
        "      '{TAG}': (IntrinsicElements extends {{ span: infer Span }} ? Omit<Span, 'ref'> : {{}}) & {{\n\
         \x20         ref?: {{ current: {CLASS} | null }} | ((element: {CLASS} | null) => void | (() => void)) | null;\n\
         \x20       }} & {CLASS}Attributes & {{\n"
    );
    for event in EVENTS {
        out += &format!(
            "          'on{}'?: (event: {}) => void;\n",
            event.name,
            event_type(event.detail_type)
        );
    }
    out += "        };\n    }\n  }\n}\n";
    out
}

/// `indicator-chart.d.ts`: the defining entry exports what the class entry does.
pub fn define_declarations() -> String {
    let module = CLASS_MODULE.trim_end_matches(".js");
    format!(
        "// Generated by the build. Importing this module defines <{TAG}>.\nexport * from './{module}.js';\n"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_declarations_name_every_attribute_event_and_function() {
        let declarations = element_declarations();
        for attribute in ATTRIBUTES {
            assert!(declarations.contains(&format!("  {}: {};", attribute.property, attribute.ty)));
        }
        for event in EVENTS {
            assert!(declarations.contains(&format!("'on{}'?", event.name)));
            assert!(declarations.contains(&format!("export interface {} {{", event.detail_type)));
        }
        for function in FUNCTIONS {
            assert!(declarations.contains(&format!("export declare function {}(", function.name)));
        }
        assert!(declarations.contains(&format!("'{TAG}': {CLASS};")));
    }
}
