/** How the API reads JSON: strictly, with one rule for text, dates and money shared by every reader. */
package io.ordo.adapters.web.json;
