package criteria

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"
)

// Parse reads a plan file. A mistake is reported as "FILE:LINE: what is wrong".
func Parse(name string, data []byte) (*Plan, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	var p Plan
	if err := dec.Decode(&p); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("%s: the plan file is empty", name)
		}
		return nil, errors.New(cleanYAMLError(name, err))
	}
	p.Source = name
	if p.Layout.empty() {
		p.Layout = defaultLayout()
	}
	// The tree of the file, with its lines, is read only to place a mistake: a plan with
	// the national list is parsed once, not twice, on every run.
	root := func() *yaml.Node {
		var doc yaml.Node
		if err := yaml.Unmarshal(data, &doc); err != nil || len(doc.Content) == 0 {
			return &doc
		}
		return doc.Content[0]
	}
	if errs := p.validate(); len(errs) > 0 {
		var msgs []string
		top := root()
		for _, e := range errs {
			line := lineOf(top, e.path)
			msgs = append(msgs, fmt.Sprintf("%s:%d: %s", name, line, e.msg))
		}
		return nil, errors.New(strings.Join(msgs, "\n"))
	}
	if p.Issuer.empty() {
		p.Issuer = provinceIssuer(p.Province)
	}
	p.partRules = p.makePartRules()
	if has, _ := p.Registry.nationalList(); has {
		// validate made sure the plan's province is one of the list's.
		if err := p.SelectProvince(p.Province); err != nil {
			return nil, fmt.Errorf("%s:%d: %v", name, lineOf(root(), []any{"province"}), err)
		}
		return &p, nil
	}
	p.reform = p.buildIndex()
	return &p, nil
}

// defaultLayout is the layout section of the embedded plan, for a plan file that has none
// (one exported before the section existed).
var defaultLayout = sync.OnceValue(func() Layout {
	var doc struct {
		Layout Layout `yaml:"layout"`
	}
	if err := yaml.Unmarshal(defaultPlan, &doc); err != nil {
		panic("criteria: embedded plan: " + err.Error())
	}
	return doc.Layout
})

var yamlLine = regexp.MustCompile(`^(?:yaml: )?(?:unmarshal errors:\n\s*)?line (\d+): `)

// cleanYAMLError turns the decoder's "yaml: line 3: ..." into "FILE:3: ...", one line per
// mistake, each with the file name, so every message reads FILE:LINE: like validate's.
func cleanYAMLError(name string, err error) string {
	s := err.Error()
	s = strings.TrimPrefix(s, "yaml: ")
	s = strings.TrimPrefix(s, "unmarshal errors:\n")
	var out []string
	for _, l := range strings.Split(s, "\n") {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		if m := yamlLine.FindStringSubmatch(l); m != nil {
			l = name + ":" + m[1] + ": " + l[len(m[0]):]
		} else {
			l = name + ": " + l
		}
		out = append(out, l)
	}
	return strings.Join(out, "\n")
}

// SetRegistry replaces the plan's registries (for --registry FILE) with r, in force for the
// whole year: a registry given alone has no crosswalk to another, so a reform the plan
// had is dropped with its registry.
func (p *Plan) SetRegistry(r Registry, source string) {
	// Aliases and former units of the embedded registry still apply to codes that remain.
	codes := map[string]bool{}
	for _, c := range r.Communes {
		codes[c.Code] = true
	}
	for _, a := range p.Registry.Aliases {
		if codes[a.Code] {
			r.Aliases = append(r.Aliases, a)
		}
	}
	for _, f := range p.Registry.Former {
		if codes[f.MergedInto] && !codes[f.Code] {
			r.Former = append(r.Former, f)
		}
	}
	r.Effective = Date{}
	p.Registry = r
	p.Reform = nil
	p.reform = p.buildIndex()
	p.RegistrySource = source
}

// Marshal writes the plan as YAML (used when the plan came from a file and for tests).
func (p *Plan) Marshal() ([]byte, error) { return yaml.Marshal(p) }

type planError struct {
	path []any // keys (string) and indexes (int) into the YAML tree
	msg  string
}

// lineOf finds the line of the node at path, or of its nearest existing ancestor.
func lineOf(n *yaml.Node, path []any) int {
	line := n.Line
	for _, step := range path {
		switch s := step.(type) {
		case string:
			if n.Kind != yaml.MappingNode {
				return line
			}
			found := false
			for i := 0; i+1 < len(n.Content); i += 2 {
				if n.Content[i].Value == s {
					n = n.Content[i+1]
					found = true
					break
				}
			}
			if !found {
				return line
			}
		case int:
			if n.Kind != yaml.SequenceNode || s >= len(n.Content) {
				return line
			}
			n = n.Content[s]
		}
		line = n.Line
	}
	return line
}
