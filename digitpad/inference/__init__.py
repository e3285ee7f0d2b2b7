"""Using a model: a drawing or an image file to probabilities, and saliency on the drawing. No Qt at import."""
