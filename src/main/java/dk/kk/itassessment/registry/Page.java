package dk.kk.itassessment.registry;

import java.util.List;

/** One page of a list, the shape the assessments list uses too: {@code {items, page, size, total}}. */
record Page<T>(List<T> items, int page, int size, long total) {
}
