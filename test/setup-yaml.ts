// The core takes YAML through an interface (src/core/yaml.ts); tests install the library the CLI uses.
import { parse } from "yaml";
import { useYamlParser } from "../src/core/yaml";

useYamlParser({ parse: (text): unknown => parse(text) });
