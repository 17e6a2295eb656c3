// Package i18n holds the language of the output (Lang, parsed once from --lang) and the
// message catalogue: the tool's own sentences in Vietnamese and English, picked by Text.In.
// It imports nothing of the tool, so that every package, criteria included, can use it.
package i18n
