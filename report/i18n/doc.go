// Package i18n holds the message catalogue: every text the tool shows, in Vietnamese and
// English.
package i18n
