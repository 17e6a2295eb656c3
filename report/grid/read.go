package grid

import (
	"fmt"
)

// errReading wraps an error met while reading a sheet.
func ErrReading(sheet string, err error) error {
	if sheet == "" {
		return fmt.Errorf("read: %w", err)
	}
	return fmt.Errorf("read sheet %q: %w", sheet, err)
}
